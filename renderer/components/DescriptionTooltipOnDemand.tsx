import { Tooltip } from '@fluentui/react-components';
import { cloneElement, useEffect, useId, useRef, useState, type HTMLAttributes, type ReactElement } from 'react';

/** Fluent's own delay before a tooltip shows on hover. */
const SHOW_DELAY_MS = 250;

/**
 * A description for an element that is not focusable (a badge), as a tooltip on hover, for lists
 * that show one per row. Fluent's Tooltip with relationship "description" keeps a portal (a node
 * on <body> with its own React event listeners) for every instance while hidden, so that
 * aria-describedby points somewhere: 50 of them were a tenth of the Profiles screen's first draw
 * (issue 16.2). Here the description is a hidden span beside the element (what a screen reader
 * reads), and the Tooltip is mounted once the pointer has rested on the element for Fluent's
 * show delay; from then on Fluent's Tooltip shows and hides it.
 */
export function DescriptionTooltipOnDemand({ content, children }: { content: string; children: ReactElement<HTMLAttributes<HTMLElement>> }) {
  const descriptionId = useId();
  // null: no Tooltip mounted yet; otherwise whether it shows (Fluent's hover and focus handling decides).
  const [visible, setVisible] = useState<boolean | null>(null);
  const timer = useRef<number | undefined>(undefined);
  useEffect(() => () => window.clearTimeout(timer.current), []);
  const described = { 'aria-describedby': descriptionId };
  const trigger =
    visible === null
      ? cloneElement(children, {
          ...described,
          onPointerEnter: () => {
            window.clearTimeout(timer.current);
            timer.current = window.setTimeout(() => setVisible(true), SHOW_DELAY_MS);
          },
          onPointerLeave: () => window.clearTimeout(timer.current),
        })
      : (
          <Tooltip content={content} relationship="inaccessible" visible={visible} onVisibleChange={(_, data) => setVisible(data.visible)}>
            {cloneElement(children, described)}
          </Tooltip>
        );
  return (
    <>
      {trigger}
      <span id={descriptionId} hidden>
        {content}
      </span>
    </>
  );
}
