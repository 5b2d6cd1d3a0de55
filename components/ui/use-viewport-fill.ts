// The height that lets an element end just above the bottom of the window, so a long list scrolls inside it, not the page.
import { useEffect, useState, type RefObject } from 'react';

export function useViewportFill(ref: RefObject<HTMLElement | null>, { min = 320, gap = 16 } = {}): number | undefined {
  const [height, setHeight] = useState<number>();
  useEffect(() => {
    const update = () => {
      const element = ref.current;
      if (!element) return;
      // Distance from the top of the document, so scrolling the page does not change the answer.
      const top = element.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - gap)));
    };
    update();
    window.addEventListener('resize', update);
    return () => window.removeEventListener('resize', update);
  }, [ref, min, gap]);
  return height;
}
