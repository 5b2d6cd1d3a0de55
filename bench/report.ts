// Prints the benchmark figures as one table with their budgets.

export interface Figure {
  figure: string;
  value: string;
  budget: string;
  met: boolean;
}

export function printTable(figures: Figure[], machine: Record<string, unknown>): void {
  const widths = [
    Math.max(6, ...figures.map((f) => f.figure.length)),
    Math.max(5, ...figures.map((f) => f.value.length)),
    Math.max(6, ...figures.map((f) => f.budget.length)),
  ];
  const row = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} | met |`;
  console.log(`\nmachine: ${JSON.stringify(machine)}\n`);
  console.log(row(['figure', 'value', 'budget']));
  console.log(`|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|-----|`);
  for (const f of figures) console.log(row([f.figure, f.value, f.budget]).replace(/met \|$/, `${f.met ? 'yes' : 'NO '} |`));
  const missed = figures.filter((f) => !f.met).length;
  console.log(`\n${figures.length - missed} budgets met, ${missed} missed`);
}
