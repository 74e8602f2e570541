// The hand over a highlight. `::highlight()` cannot set a cursor, and any stylesheet change makes
// the browser walk the whole document (a `html *` rule restyled all of a 60,000-element page,
// 0.3–1 s a move; even a rule matching one element cost 20–50 ms there). So the cursor is set
// inline on the single element under the pointer, and its own value put back as soon as the
// pointer leaves the highlight or that element: restyling one element costs microseconds.
export interface PointerCursor {
  /** Shows the hand on `element` (the innermost element under the pointer), or nowhere. */
  showOn(element: Element | null): void;
}

interface Saved {
  element: HTMLElement | SVGElement;
  value: string;
  priority: string;
  hadStyleAttribute: boolean;
}

export function createPointerCursor(): PointerCursor {
  let saved: Saved | null = null;

  const restore = (): void => {
    if (!saved) return;
    const { element, value, priority, hadStyleAttribute } = saved;
    saved = null;
    if (value) element.style.setProperty('cursor', value, priority);
    else element.style.removeProperty('cursor');
    // Leave the element as it was: no empty style="" behind.
    if (!hadStyleAttribute && element.getAttribute('style') === '') element.removeAttribute('style');
  };

  return {
    showOn(element) {
      const styled = element && 'style' in element ? (element as HTMLElement | SVGElement) : null;
      if (styled === saved?.element) return;
      restore();
      if (!styled) return;
      saved = {
        element: styled,
        value: styled.style.getPropertyValue('cursor'),
        priority: styled.style.getPropertyPriority('cursor'),
        hadStyleAttribute: styled.hasAttribute('style'),
      };
      styled.style.setProperty('cursor', 'pointer', 'important');
    },
  };
}
