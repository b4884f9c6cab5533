/** The coordinate-system choice of the map imports, with how the first choice was made. */
import { CRS_CHOICES, type Crs } from '../../scenarios/importGeo.ts';
import { useStrings } from '../i18n.ts';
import type { CrsHow } from './mapFile.ts';
import { libraryStrings } from './strings.ts';

export function CrsField({
  crs,
  detected,
  encoding,
  testId,
  onChange,
}: {
  crs: Crs;
  detected: { crs: Crs; how: CrsHow };
  /** A shapefile's attribute text encoding, said beside it. */
  encoding?: string;
  testId: string;
  onChange: (crs: Crs) => void;
}) {
  const t = useStrings(libraryStrings);
  return (
    <>
      <label className="library-inline-field">
        {t.crs}
        <select
          data-testid={testId}
          value={crs}
          onChange={(event) => onChange(event.target.value as Crs)}
        >
          {CRS_CHOICES.map((choice) => (
            <option key={choice} value={choice}>
              {t.crsNames[choice]}
            </option>
          ))}
        </select>
      </label>
      <p className="hint" data-testid={`${testId}-how`}>
        {crs === detected.crs ? t.crsHow[detected.how] : ''}
        {encoding ? t.attributeEncoding(encoding === 'gb18030' ? 'GBK' : 'UTF-8') : ''}
      </p>
    </>
  );
}
