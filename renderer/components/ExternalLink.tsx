import { Link } from '@fluentui/react-components';
import type { ReactNode } from 'react';

/** A link to a Microsoft or Cisco page: always a new window, never the wizard's own (no referrer sent). */
export function ExternalLink({ href, children }: { href: string; children?: ReactNode }) {
  return (
    <Link href={href} target="_blank" rel="noreferrer" inline>
      {children}
    </Link>
  );
}
