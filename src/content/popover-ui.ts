// The popover's UI, its own ES module (content-popover.js): Preact, the popover's components and their CSS.
// Most readers of an annotated page never open a popover, so the main content script does not carry it: the
// host imports it when a popover is first about to show (the pointer came to rest on a term, or a keyboard
// or context-menu open), src/content/popover-host.ts and src/platform/content-main.ts.
import { h, render } from 'preact';
import themeCss from '../ui/components/theme.css';
import popoverCss from '../ui/popover/popover.css';
import { Popover, type PopoverProps } from '../ui/popover/Popover.js';

export interface PopoverUi {
  /** The popover's stylesheet, for the host's shadow root. */
  readonly css: string;
  /** Renders `props`' popover into `mount`: a diff for the same `key`, a new popover for another. */
  render(mount: Element, props: PopoverProps, key: string): void;
  /** Unmounts what is rendered in `mount`. */
  clear(mount: Element): void;
}

export const popoverUi: PopoverUi = {
  css: `${themeCss}\n${popoverCss}`,
  render: (mount, props, key) => render(h(Popover, { key, ...props }), mount),
  clear: (mount) => render(null, mount),
};
