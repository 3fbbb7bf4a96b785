/** Position map with a date slider that replays the stance history. */
import { useEffect, useMemo, useState } from 'react';
import { useCase } from '../lib/case-context.js';
import { stancesAsOf } from '../../../src/case/resolve.js';
import { describeIntervals, fmt, scaleLabel, stanceDates } from '../lib/format.js';
import { positionMapOption } from '../charts/position-map.js';
import { EChart } from '../components/EChart.js';
import { EmptyState } from '../components/States.js';

export default function PositionMapView() {
  const { case: c, colors, asOf, setAsOf, scenario } = useCase();
  const dates = useMemo(() => stanceDates(c), [c]);
  const [playing, setPlaying] = useState(false);
  const index = useMemo(() => {
    if (!asOf) return dates.length - 1;
    let k = -1;
    dates.forEach((d, i) => (d <= asOf ? (k = i) : undefined));
    return Math.max(k, 0);
  }, [asOf, dates]);

  useEffect(() => {
    if (!playing) return;
    const t = setInterval(() => {
      const next = index + 1;
      if (next >= dates.length) setPlaying(false);
      else setAsOf(dates[next]);
    }, 900);
    return () => clearInterval(t);
  }, [playing, index, dates, setAsOf]);

  const stances = useMemo(() => stancesAsOf(c, asOf).all(), [c, asOf]);
  const option = useMemo(() => positionMapOption(c, stances, colors), [c, stances, colors]);
  if (c.stances.length === 0)
    return <EmptyState title="No stances recorded">Add stances in the case editor.</EmptyState>;

  const actors = c.actors.filter((a) => stances.some((s) => s.actor === a.id));
  const changedOn = new Set(stances.filter((s) => s.date === asOf).map((s) => `${s.actor}/${s.issue}`));

  return (
    <div className="stack">
      <section className="card slider-card" aria-label="Stance history">
        <button
          type="button"
          className="btn"
          onClick={() => {
            if (!playing && index >= dates.length - 1) setAsOf(dates[0]);
            setPlaying((p) => !p);
          }}
          aria-pressed={playing}
          data-testid="replay"
        >
          {playing ? '❚❚ Pause' : '▶ Replay history'}
        </button>
        <input
          type="range"
          min={0}
          max={Math.max(dates.length - 1, 0)}
          step={1}
          value={index}
          onChange={(e) => setAsOf(dates[Number(e.target.value)])}
          aria-label="Stance date"
          aria-valuetext={dates[index]}
          data-testid="date-slider"
          className="slider"
        />
        <div className="slider-date">
          <strong>{asOf ?? dates[index]}</strong>
          <span className="muted small">
            stance {index + 1} of {dates.length} dates
          </span>
        </div>
      </section>
      <EChart
        title="Positions and red lines"
        subtitle={`Dots: each actor's position (size = salience). Bands: the range the actor can accept. ◆ status quo.${
          scenario
            ? ' Shown as recorded: the scenario applies to the analyses (check, diff, zone, forecast).'
            : ''
        }`}
        option={option}
        height={Math.max(360, c.issues.length * 58 + 90)}
        testId="position-map"
      />
      <section className="card">
        <header className="card-head">
          <h3>Positions as of {asOf ?? 'latest'}</h3>
        </header>
        <div className="table-wrap">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">Issue</th>
                {actors.map((a) => (
                  <th key={a.id} scope="col">
                    <span className="swatch" style={{ background: colors.get(a.id) }} aria-hidden="true" />
                    {a.name}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {c.issues.map((issue) => (
                <tr key={issue.id}>
                  <th scope="row">{issue.name}</th>
                  {actors.map((a) => {
                    const s = stances.find((x) => x.actor === a.id && x.issue === issue.id);
                    const red = describeIntervals(s?.redLine);
                    return (
                      <td key={a.id} className={changedOn.has(`${a.id}/${issue.id}`) ? 'changed' : undefined}>
                        {s ? (
                          <>
                            <div>{scaleLabel(issue, s.position)}</div>
                            <div className="muted small">
                              sal. {fmt(s.salience, 0)}
                              {red ? ` · ok ${red}` : ''}
                            </div>
                          </>
                        ) : (
                          <span className="muted">—</span>
                        )}
                      </td>
                    );
                  })}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}
