// The red/yellow/green/grey light (红黄绿灯) as a dot with an accessible label.
import type { Light } from '../api/types';
import { LIGHT_COLOR, LIGHT_LABEL } from '../lib/status';

export function LightDot({ light, withLabel = false }: { light: Light; withLabel?: boolean }) {
  return (
    <span
      style={{ display: 'inline-flex', alignItems: 'center', gap: 4, whiteSpace: 'nowrap' }}
      title={LIGHT_LABEL[light]}
    >
      <span
        role="img"
        aria-label={LIGHT_LABEL[light]}
        data-light={light}
        style={{
          width: 12,
          height: 12,
          borderRadius: '50%',
          background: LIGHT_COLOR[light],
          display: 'inline-block',
          boxShadow: '0 0 0 1px rgba(0,0,0,.08)',
        }}
      />
      {withLabel && <span>{LIGHT_LABEL[light]}</span>}
    </span>
  );
}
