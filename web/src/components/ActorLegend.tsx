/** The case's actors with their chart colours, veto and capability, as a compact legend. */
import { useCase } from '../lib/case-context.js';

export function ActorLegend() {
  const { case: c, colors } = useCase();
  return (
    <ul className="actor-legend" aria-label="Actors">
      {c.actors.map((a) => (
        <li key={a.id}>
          <span className="swatch" style={{ background: colors.get(a.id) }} aria-hidden="true" />
          <span>{a.name}</span>
          {a.veto && <span className="tag tag-veto">veto</span>}
        </li>
      ))}
    </ul>
  );
}
