import { type RefObject, useLayoutEffect, useState } from "react";

/**
 * The height from the element's top to the bottom of the window, less `reserve` pixels (for
 * what follows it), and at least `min`: lets a scrolling table fill the screen.
 */
export function useAvailableHeight(ref: RefObject<HTMLElement | null>, reserve: number, min: number, deps: unknown[]): number {
  const [height, setHeight] = useState(min);
  useLayoutEffect(() => {
    const measure = () => {
      const el = ref.current;
      if (!el) return;
      const top = el.getBoundingClientRect().top + window.scrollY;
      setHeight(Math.max(min, Math.floor(window.innerHeight - top - reserve)));
    };
    measure();
    window.addEventListener("resize", measure);
    const observer = new ResizeObserver(measure);
    if (ref.current?.parentElement) observer.observe(ref.current.parentElement);
    return () => {
      window.removeEventListener("resize", measure);
      observer.disconnect();
    };
  }, [ref, reserve, min, ...deps]);
  return height;
}
