import type { Messages } from './zh.js';

/** Every message of the gridsafe command in English. */
export const en: Messages = {
  /** Help texts of arguments, options and exit codes. */
  help: {
    examples: 'Examples:',
    exitCodes: 'Exit codes: ',
    help: 'display help for command',
    lang: 'zh or en (default: from the locale, LC_ALL/LC_MESSAGES/LANG)',
    pack: 'rule pack: a pack id (looked up under --rules) or a pack folder',
    rules: 'rules folder where pack ids are looked up',
    out: 'write to a file instead of stdout',
    formatText: 'output format: text or json',
    paths: 'rule files or folders (default: rules/)',
    testPack: 'pack id or folder (default: every pack under --rules)',
    coverage: 'report which rules and condition branches the cases exercise',
    threshold: 'fail when branch coverage is below this percentage (implies --coverage)',
    records: 'records.json, records.ndjson, or - for stdin',
    formatCheck: 'output format: table, json or ndjson',
    explain: 'say which conditions made each hazard fire',
    milestones: "report the pack's phases and milestones on that date (YYYY-MM-DD): which are due and which overdue",
    noProgress: 'no progress bar',
    findings:
      "with --format json or ndjson: 'hazards' (the default) gives each record's counts by status and its hazard findings, 'all' every finding",
    diffA: 'pack id or folder (the old one)',
    diffB: 'pack id or folder (the new one)',
    replay: "replay test cases against both packs and list those whose decision flips (default: both packs' own cases, or a cases file)",
    check: 'only check; exit 1 when a file is not canonical',
    formatGraph: 'output format: mermaid or svg',
    view: 'machine: the hazard-case state machine (tiers and their steps); chain: the chain of tiers',
    escalation: "the escalation policy id (default: the pack's own)",
    initName: 'the new pack id, e.g. jiayu',
    extends: 'the parent pack: id or folder',
    dir: 'where to create it (default: beside the parent folder)',
    from: 'effective from, YYYY-MM-DD (default: today)',
    period: 'the period: 2026-07, 2026-Q3 or 2026',
    unit: 'the unit to report on (default: the root of the unit tree)',
    scoreData: 'period records: .json, .ndjson, or - for stdin',
    synthetic: 'no data file: generate synthetic data with this seed (for a demonstration)',
    formatScore: 'output format: json, md or html',
    region: 'the region pack (default: xianyou)',
    seed: 'random seed (the same seed gives the same month)',
    month: 'the month to simulate, YYYY-MM',
    outDir: 'folder for the report and the handbook',
    exits: {
      test: '0 all cases pass (and coverage meets the threshold), 1 a case fails or coverage is below it, 2 usage error or a pack with errors',
      check: '0 no hazards, 1 hazards or reports found, 2 usage error, unreadable or malformed input, or a pack with errors',
      diff: '0 no differences, 1 the packs differ (or a replayed case flips), 2 usage error or a pack with errors',
      fmt: '0 formatted (with --check: all canonical), 1 files need formatting (--check), 2 usage error, unreadable or invalid JSON',
      graph: '0 written, 2 usage error, a pack with errors or without an escalation policy',
      handbook: '0 written (a pack without checklists too, saying it has none), 2 usage error or a pack with errors',
      init: '0 created and valid, 1 created but not valid, 2 usage error (bad name, folder exists, unknown parent)',
      score:
        '0 written, 1 the unit is vetoed (一票否决), 2 usage error, unknown period, bad data or a pack with errors, 3 the unit failed a gate and is not scored',
      demo: '0 the month ran, 2 usage error',
      validate: '0 valid, 1 problems found, 2 usage error or unreadable path',
    },
  },
  /** `gridsafe validate`. */
  validate: {
    describe: 'validate rule files: every problem at once, with file, line, column and JSON pointer',
    ok: 'valid',
    failed: 'invalid',
    packs: 'packs',
    files: 'files',
    extends: 'extends',
    summary: (e: number, w: number, f: number) => `${f} files, ${e} errors, ${w} warnings`,
  },
  /** The command itself. */
  cli: {
    about:
      'gridsafe: rule packs for safety-production grid management (安全生产网格化管理). Write a rule, check it, test it, see what changes, print it',
    internal: 'internal error (please report it): ',
  },
  /** `gridsafe test`. */
  test: {
    describe: "run a pack's test cases (*.cases.json): pass/fail with a diff of expected and actual; --coverage reports coverage",
    expectedActual: 'expected (-) and actual (+):',
    summary: (p: number, f: number) => `${p} passed, ${f} failed`,
    coverage: 'coverage',
    covLine: (rp: number, rc: number, rt: number, bp: number, bc: number, bt: number) =>
      `rules ${rp}% (${rc}/${rt}), condition branches ${bp}% (${bc}/${bt})`,
    uncovered: 'rules no case exercises',
    missingBranches: 'outcomes never seen',
    below: (p: number, t: number) => `branch coverage ${p}% is below the threshold ${t}%`,
    badThreshold: (v: string) => `--coverage-threshold must be a number from 0 to 100, not "${v}"`,
  },
  /** `gridsafe check`. */
  check: {
    describe: "evaluate patrol records (JSON, NDJSON or stdin) against a pack's checklists; exit code 1 when hazards are found",
    head: ['record', 'line', 'grid', 'item', 'severity', 'route', 'text'],
    severity: { general: 'general', major: 'major' },
    direct: ' (direct)',
    badRecord: (name: string, line: number) => `${name}:${line}: invalid record:`,
    summary: (r: number, h: number, p: number, bad: number) =>
      `${r} records, ${h} hazards, ${p} reports${bad ? `, ${bad} invalid records` : ''}`,
    noHazards: 'no hazards found',
    why: 'because',
    writeFailed: (why: string) => `cannot write the output: ${why}`,
    badFindings: (v: string) => `--findings must be hazards or all, not "${v}"`,
    milestones: (date: string) => `Phases and milestones on ${date}:`,
    milestoneState: {
      upcoming: 'upcoming',
      open: 'due',
      overdue: 'overdue',
      done: 'done',
      late: 'done late',
      undated: 'no date in the text',
    },
    milestoneHead: ['phase or milestone', 'by', 'state'],
    milestoneSummary: (due: number, over: number) => `${due} due, ${over} overdue`,
    daysLeft: (n: number) => `(${n} days left)`,
    daysOver: (n: number) => `(${n} days over)`,
    noMilestones: 'this pack sets no phases or milestones',
    needRecords: 'give a records file, or --milestones DATE for the phases',
  },
  /** `gridsafe diff`. */
  diff: {
    describe:
      'compare two packs (or two versions of one): items added, removed and changed, with provenance; --replay shows which case decisions flip',
    added: 'added',
    removed: 'removed',
    changed: 'changed',
    fields: 'fields',
    from: 'from',
    localDefault: 'local default',
    same: 'the packs do not differ',
    summary: (a: number, r: number, c: number) => `${a} added, ${r} removed, ${c} changed`,
    replay: 'replayed cases',
    flips: (n: number, t: number) => `${n} of ${t} cases decide differently`,
    pass: 'pass',
    fail: 'fail',
    noCases: (p: string) => `no test cases in ${p}`,
  },
  /** `gridsafe init`. */
  init: {
    describe: "scaffold a new municipality's overlay pack: manifest, empty overlay, starter cases and a README; valid as created",
    badName: (n: string) => `invalid pack name "${n}": use lower-case letters, digits and . - _, starting with a letter or digit`,
    exists: (d: string) => `${d} already exists; nothing written`,
    noCases: (p: string) => `${p} has no passing test cases to start from; extend a region pack (chibi, xianyou…)`,
    created: (d: string) => `scaffolded a pack in ${d}:`,
    valid: 'it validates',
    invalid: 'it does not validate (please report this):',
    next: (d: string) => `next: edit what ${d}/README.md lists, then run gridsafe validate ${d} and gridsafe test ${d}`,
    regionName: (n: string) => `${n} (put the local name here)`,
    issuer: '(the issuing office)',
    casesTitle: (n: string) => `${n} rule-pack test cases`,
  },
  /** `gridsafe demo`. */
  demo: {
    describe:
      "demo: simulate one month in one township of a region: patrols on the pack's cadences (some missed), hazards escalated through the machine on a simulated clock (closed at the village, up to the county and a department, overdue), and the month's bulletin scored; writes the report and the handbook. A pack without checklists (mudan, chanba) gets no patrols: the duties its cadences define are simulated, and hazards are reported free-form",
    badMonth: (m: string) => `--month must be YYYY-MM, not "${m}"`,
    badSeed: (s: string) => `--seed must be an integer, not "${s}"`,
    noScore: 'scoring failed:',
  },
  /** `gridsafe fmt`. */
  fmt: {
    describe: 'canonical formatting of rule files: keys in JSON Schema order, two-space indentation; --check only checks (for CI)',
    wouldChange: 'not canonical',
    formatted: 'formatted',
    summary: (n: number, t: number, check: boolean) => `${n} of ${t} rule files ${check ? 'need formatting' : 'formatted'}`,
    hint: 'run gridsafe fmt to format them',
  },
  /** `gridsafe graph`. */
  graph: {
    describe: 'the hazard-case escalation machine (or the chain of tiers) as Mermaid or an SVG drawing',
    badView: (v: string) => `--view must be machine or chain, not "${v}"`,
    none: (p: string) => `${p} has no escalation policy`,
    unknown: (id: string, ids: string) => `no escalation policy "${id}"; there is: ${ids}`,
  },
  /** `gridsafe handbook`. */
  handbook: {
    describe:
      "the grid worker's patrol handbook as print-ready HTML: checklists, what to look for, what counts as major, how and to whom to report with the escalation chart, cadences; for a pack without checklists, a handbook that says so, with its levels and duties, the escalation chart and the cadences; zh by default",
  },
  /** `gridsafe score`. */
  score: {
    describe: "score a period's records under the pack's assessment rules: the scorecard as JSON, Markdown or the HTML report",
    badPeriod: 'invalid period:',
    badData: (n: string) => `the data in ${n} has errors:`,
    needData: 'give a data file (or --synthetic to generate one)',
  },
  /** Messages shared by several commands. */
  common: {
    badFormat: (f: string, allowed: string) => `--format must be ${allowed}, not "${f}"`,
    noPack: (p: string, dir: string) => `no rule pack "${p}": not a pack folder, nor a pack under ${dir}`,
    packInvalid: (n: number) => `the rule pack has ${n} errors; fix them first (gridsafe validate):`,
    unreadable: (p: string, why: string) => `cannot read ${p}: ${why}`,
    badJson: (p: string, why: string) => `${p} is not valid JSON: ${why}`,
    wrote: (p: string) => `wrote ${p}`,
  },
  /** Reading records from files and stdin. */
  records: {
    badLine: (n: string, l: number, why: string) => `${n}:${l}: not valid JSON: ${why}`,
  },
};
