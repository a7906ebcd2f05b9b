import type { PatrolGrid } from '@gridsafe/engine';
import type { Bilingual, ChecklistFile, Level } from '@gridsafe/schema';

/** A unit of the simulated region (for the scoring's `unit` records). */
export interface Unit {
  id: string;
  level: string;
  name: string;
  parent?: string;
  staff?: Record<string, number>;
}

/** The simulated township: its units, its grids (with their workers), and where the records go. */
export interface World {
  units: Unit[];
  focus: Unit;
  grids: (PatrolGrid & { id: string; worker: string; unit: string; name: string; checklist: ChecklistFile })[];
  /** The patrol cadence's activity (patrol, or inspection for a sector grid). */
  activity: string;
  /** For a pack without checklists: no grids to patrol; hazards are reported free-form and the cadences' duties are simulated. */
  freeForm?: FreeForm;
}

/** A unit of the grid level: where hazards are reported from, and who reports them. */
export interface Post {
  id: string;
  unit: string;
  name: string;
  workers: string[];
}

/** Someone (or some unit) the pack's cadences give a duty to: a unit of a level, or a holder of a role. */
export interface Holder {
  id: string;
  level: string;
  name: string;
  /** The unit its records are kept on; none for a level below the scored ones. */
  unit?: string;
  /** For a role's cadence (a cadre's visits): the role. */
  role?: string;
}

/** The township of a pack without checklists: hazards are reported free-form, and duties follow the cadences. */
export interface FreeForm {
  /** The lowest scored level, whose units report hazards. */
  gridLevel: Level;
  posts: Post[];
  /** Who reports: a role of the pack, or the escalation's entry tier when no role sits there. */
  reporter: { role: string; title: Bilingual };
  holders: Holder[];
}
