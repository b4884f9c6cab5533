/** The hospitals units carry patients to: a cross each, named in its tooltip. */
import { MapMarker } from './CityMap.tsx';
import type { MapHospital } from './geometry.ts';
import type { Projector } from './types.ts';

export function HospitalLayer({
  hospitals,
  project,
}: {
  hospitals: readonly MapHospital[];
  project: Projector;
}) {
  if (hospitals.length === 0) return null;
  return (
    <g className="map-hospitals">
      {hospitals.map((hospital) => (
        <g key={hospital.id} data-testid={`map-hospital-${hospital.id}`}>
          <title>{hospital.name}</title>
          <MapMarker at={project(hospital.location)} className="map-hospital">
            <rect x={-6} y={-6} width={12} height={12} rx={2} fill="#fff" stroke="#b3261e" />
            <path
              d="M-1.3,-4 H1.3 V-1.3 H4 V1.3 H1.3 V4 H-1.3 V1.3 H-4 V-1.3 H-1.3 Z"
              fill="#b3261e"
            />
          </MapMarker>
        </g>
      ))}
    </g>
  );
}
