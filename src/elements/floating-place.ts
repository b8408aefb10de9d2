/**
 * The category list's placement for browsers without CSS anchor positioning: below the input, flipped above
 * without room, as wide as the input and as tall as the space allows. A chunk of its own, with floating-ui.
 * Returns the function that stops following scrolls and resizes.
 */
import { autoUpdate, computePosition, flip, offset, size } from '@floating-ui/dom';

export function place(input: HTMLElement, list: HTMLElement): () => void {
  return autoUpdate(input, list, () => {
    void computePosition(input, list, {
      strategy: 'fixed',
      placement: 'bottom-start',
      middleware: [
        offset(2),
        flip({ padding: 8 }),
        size({
          padding: 8,
          apply({ availableHeight, rects }) {
            Object.assign(list.style, {
              width: `${rects.reference.width}px`,
              maxHeight: `${Math.min(352, Math.max(120, availableHeight))}px`,
            });
          },
        }),
      ],
    }).then(({ x, y }) => Object.assign(list.style, { left: `${x}px`, top: `${y}px` }));
  });
}
