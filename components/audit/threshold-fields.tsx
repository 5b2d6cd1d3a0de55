// The threshold inputs; loaded only when the thresholds popover opens (NumberInput is heavy for a first load).
import { NumberInput, Stack, Text } from '@mantine/core';

interface Props {
  manyProjects: number;
  manyOwnerKeys: number;
  manyOrgOwnerKeys: number;
  unusedDays: number;
  onChange: (patch: { manyProjects?: number; manyOwnerKeys?: number; manyOrgOwnerKeys?: number; unusedDays?: number }) => void;
}

const count = (value: string | number) => (typeof value === 'number' ? value : undefined);

export default function ThresholdFields({ manyProjects, manyOwnerKeys, manyOrgOwnerKeys, unusedDays, onChange }: Props) {
  return (
    <Stack gap="sm">
      <Text size="sm">What the summary and “only risky” count as too much.</Text>
      <NumberInput
        label="Far-reaching: a key in more than"
        description="projects"
        value={manyProjects}
        onChange={(value) => onChange({ manyProjects: count(value) })}
        min={0}
        max={10_000}
        allowDecimal={false}
        allowNegative={false}
      />
      <NumberInput
        label="Over-owned: a project with more than"
        description="Project Owner keys (grants made in the project)"
        value={manyOwnerKeys}
        onChange={(value) => onChange({ manyOwnerKeys: count(value) })}
        min={0}
        max={10_000}
        allowDecimal={false}
        allowNegative={false}
      />
      <NumberInput
        label="Too many Organization Owners: more than"
        description="Organization Owner keys, the console’s own included"
        value={manyOrgOwnerKeys}
        onChange={(value) => onChange({ manyOrgOwnerKeys: count(value) })}
        min={0}
        max={10_000}
        allowDecimal={false}
        allowNegative={false}
      />
      <NumberInput
        label="Unused: no use recorded for"
        description="days or more (keys whose access list records their use)"
        value={unusedDays}
        onChange={(value) => onChange({ unusedDays: count(value) })}
        min={1}
        max={10_000}
        allowDecimal={false}
        allowNegative={false}
      />
    </Stack>
  );
}
