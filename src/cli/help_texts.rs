//! The help of every command and argument, in Swedish and English.

/// The help of every command and argument: `(key, svenska, English)`, where the key is
/// `about` for bered itself, a subcommand's name for its description, and `command.arg` (or
/// `.arg` for bered's own) for an argument.
pub const HELP: &[(&str, &str, &str)] = &[
    (
        "about",
        "Beredning av en kommuns portfölj av digitaliseringsinitiativ",
        "Triage of a municipality's portfolio of digitalisation initiatives",
    ),
    (
        ".portfolio",
        "Portföljen: en mapp (portfolio.yaml + initiatives/) eller en .yaml-fil. Standard: arbetsmappen när den har portfolio.yaml, annars ./portfolio när den finns, annars exemplet som är inbyggt i bered.",
        "The portfolio: a folder (portfolio.yaml + initiatives/) or a single .yaml file. Default: the working folder when it has portfolio.yaml, else ./portfolio when it exists, else the sample built into bered.",
    ),
    (
        ".path",
        "Portföljen, som argument (samma som -p).",
        "The portfolio, as a positional argument (same as -p).",
    ),
    (
        ".lang",
        "Utdatans språk: sv eller en (standard: enligt LANG, annars svenska).",
        "Language of the output: sv or en (default: from LANG, else Swedish).",
    ),
    (
        ".theme",
        "Färgtema: default, light, high-contrast, mono, eller sökvägen till en temafil (NO_COLOR respekteras).",
        "Colour theme: default, light, high-contrast, mono, or a theme file's path (NO_COLOR is honoured).",
    ),
    (
        ".as_of",
        "Bedöm uppföljningar per detta datum (ÅÅÅÅ-MM-DD; standard i dag).",
        "Evaluate follow-ups as of this date (YYYY-MM-DD; default today).",
    ),
    (
        ".attendees",
        "Närvarande på mötet, för protokollet: \"Anna Berg, Olle Holm\" (frågas efter i slutet av mötesläget om det inte anges).",
        "Who attends the meeting, for its minutes: \"Anna Berg, Olle Holm\" (asked for at the end of meeting mode when not given).",
    ),
    (
        ".since",
        "Markera det som ändrats sedan denna revision eller detta datum (HEAD~1, en tagg, en gren, 2026-11-01) i rangordningen och lista det i vyn Ändringar (C).",
        "Mark what changed since this revision or date (HEAD~1, a tag, a branch, 2026-11-01) in the ranking, and list it in the Changes view (C).",
    ),
    (
        ".no_cache",
        "Tolka varje fil på nytt, utan cachen i ~/.cache/bered (samma som BERED_NO_CACHE=1).",
        "Parse every file again, without the cache in ~/.cache/bered (same as BERED_NO_CACHE=1).",
    ),
    (
        ".chair",
        "Mötets ordförande, för protokollet (frågas efter i slutet av mötesläget om det inte anges).",
        "The meeting's chair, for its minutes (asked for at the end of meeting mode when not given).",
    ),
    (
        ".secretary",
        "Mötets sekreterare, för protokollet.",
        "The meeting's secretary, for its minutes.",
    ),
    (
        ".adjuster",
        "Den som justerar protokollet tillsammans med ordföranden.",
        "Who adjusts the minutes with the chair.",
    ),
    (
        ".place",
        "Var mötet hålls, för protokollet.",
        "Where the meeting is held, for its minutes.",
    ),
    (".help", "Visa hjälpen", "Print help"),
    (".version", "Visa versionen", "Print version"),
    (
        "check",
        "Granska portföljen: varje problem med fil:rad:kolumn (slutstatus 1 vid fel).",
        "Validate the portfolio: every problem with file:line:col (exit 1 on errors).",
    ),
    (
        "check.path",
        "Portföljen att granska.",
        "The portfolio to validate.",
    ),
    ("check.format", "Utdataformat.", "Output format."),
    (
        "rank",
        "Rangordningen: en tabell, CSV, JSON eller en Markdown-bilaga till mötet.",
        "The ranked list: a table, CSV, JSON, or a Markdown annex for the meeting.",
    ),
    (
        "rank.path",
        "Portföljen att rangordna.",
        "The portfolio to rank.",
    ),
    ("rank.format", "Utdataformat.", "Output format."),
    (
        "rank.stage",
        "Bara dessa faser: idea, preparation, approved, project, operations, realisation, closed, rejected, parked.",
        "Only these stages: idea, preparation, approved, project, operations, realisation, closed, rejected, parked.",
    ),
    ("rank.unit", "Bara dessa enheter.", "Only these units."),
    (
        "rank.tag",
        "Bara initiativ med dessa taggar.",
        "Only initiatives with these tags.",
    ),
    (
        "rank.goal",
        "Bara initiativ mot dessa strategiska mål (id).",
        "Only initiatives towards these strategic goals (ids).",
    ),
    (
        "rank.gate",
        "Bara dessa utfall av spärren: pass, warn, blocked, not_assessed.",
        "Only these compliance gate outcomes: pass, warn, blocked, not_assessed.",
    ),
    (
        "rank.flag",
        "Bara initiativ med dessa varningsflaggor: no_benefit_owner, no_measurable_goal, no_strategic_goal, freed_time_use_missing, no_business_case, follow_up_overdue, gate_blocked, incomplete_scores.",
        "Only initiatives with these flags: no_benefit_owner, no_measurable_goal, no_strategic_goal, freed_time_use_missing, no_business_case, follow_up_overdue, gate_blocked, incomplete_scores.",
    ),
    (
        "rank.delimiter",
        "CSV-avgränsaren (ett ASCII-tecken); standard `;` på svenska, `,` på engelska.",
        "The CSV separator (one ASCII character); by default `;` under Swedish, `,` under English.",
    ),
    (
        "show",
        "Allt om ett initiativ: poängen förklarad, nyttokalkyl, nyttor, varningsflaggor.",
        "Everything about one initiative: score explained, business case, benefits, flags.",
    ),
    (
        "show.id",
        "Initiativets id (filnamnet utan .yaml).",
        "The initiative's id (its file name without .yaml).",
    ),
    ("show.format", "Utdataformat.", "Output format."),
    (
        "summary",
        "Portföljen i överblick: antal, summor, alternativkostnad, DiMiOS-spegel.",
        "The portfolio at a glance: counts, totals, cost of delay, DiMiOS mirror.",
    ),
    (
        "summary.path",
        "Portföljen att sammanfatta.",
        "The portfolio to summarise.",
    ),
    ("summary.format", "Utdataformat.", "Output format."),
    (
        "rank.all",
        "Hela portföljen rangordnad som en lista, i stället för beredningskön först och de rubricerade grupperna (redan beslutat, i drift och avslutade, avböjda, ofullständigt bedömda, spärrade) under den.",
        "The whole portfolio ranked as one list, instead of the pipeline first and the titled groups (already committed, running and done, declined, incomplete, blocked) below it.",
    ),
    (
        "minutes",
        "Skriv dagordningen och bilagan till nästa möte (beredningskön med poäng, läge mot budgetramen och varningsflaggor) bredvid portföljen, utan att hålla ett möte.",
        "Write the agenda and its annex for the next meeting (the pipeline with scores, budget position and flags) beside the portfolio, without running a meeting.",
    ),
    (
        "minutes.path",
        "Portföljen att skriva dagordningen för.",
        "The portfolio to write the agenda for.",
    ),
    (
        "minutes.date",
        "Mötets datum (ÅÅÅÅ-MM-DD; standard i dag).",
        "The meeting's date (YYYY-MM-DD; default today).",
    ),
    (
        "minutes.print",
        "Skriv ut dagordningen i stället för att skriva en fil.",
        "Print the agenda instead of writing a file.",
    ),
    (
        "changes",
        "Ändringar i portföljen sedan en revision eller ett datum, lästa ur dess git-arkiv.",
        "What changed in the portfolio since a revision or a date, read from its git repository.",
    ),
    (
        "changes.since",
        "En revision som git förstår (commit, tagg, gren, HEAD~3) eller ett datum ÅÅÅÅ-MM-DD (den sista committen före det).",
        "A revision git understands (commit, tag, branch, HEAD~3) or a date YYYY-MM-DD (the last commit before it).",
    ),
    (
        "changes.until",
        "Den nyare änden (standard: arbetskopian, med ändringar som inte är incheckade).",
        "The newer end (default: the working tree, uncommitted edits included).",
    ),
    (
        "changes.path",
        "Portföljen att jämföra.",
        "The portfolio to compare.",
    ),
    ("changes.format", "Utdataformat.", "Output format."),
    (
        "serve",
        "Dela portföljen över SSH: en levande portfölj för beredningsgruppen och direktörerna, med roller från deras nycklar.",
        "Serve the portfolio over SSH: one live portfolio for the preparation group and the directors, with roles from their keys.",
    ),
    (
        "serve.path",
        "Portföljen att dela.",
        "The portfolio to serve.",
    ),
    (
        "serve.listen",
        "Adressen att lyssna på.",
        "The address to listen on.",
    ),
    (
        "serve.keys",
        "Vilka som får ansluta: rader i authorized_keys-format med role=\"viewer|editor|chair\" och ett namn. Standard: bered-keys i portföljens mapp.",
        "Who may connect: authorized_keys lines with role=\"viewer|editor|chair\" and a name. Default: bered-keys in the portfolio's folder.",
    ),
    (
        "serve.host_key",
        "Serverns privata nyckel (skapas vid första starten; aldrig i portföljen). Standard: $XDG_DATA_HOME/bered/ssh_host_ed25519_key, annars ~/.local/share/bered/….",
        "The server's private key (created on first start; never inside the portfolio). Default: $XDG_DATA_HOME/bered/ssh_host_ed25519_key, else ~/.local/share/bered/….",
    ),
    (
        "serve.audit",
        "Granskningsloggen, en JSON-rad per ändring. Standard: bered-audit.jsonl bredvid portföljen.",
        "The audit log, one JSON line per edit. Default: bered-audit.jsonl beside the portfolio.",
    ),
    (
        "serve.max_sessions",
        "Högst så många klienter samtidigt.",
        "The most clients at once.",
    ),
    (
        "serve.anonymous_viewers",
        "Släpp in vilken nyckel som helst, med läsrätt.",
        "Let any key in, read only.",
    ),
    (
        "score",
        "Sätt ett kriteriums poäng (1–4), med en motivering om du vill.",
        "Set a criterion's score (1–4), with an optional rationale.",
    ),
    (
        "score.id",
        "Initiativets id (filnamnet utan .yaml).",
        "The initiative's id (its file name without .yaml).",
    ),
    (
        "score.criterion",
        "Kriteriet, till exempel quality eller compliance.",
        "The criterion, e.g. quality or compliance.",
    ),
    ("score.value", "Poängen, 1–4.", "The score, 1–4."),
    (
        "score.why",
        "Motiveringen, sparas under `motivations`.",
        "The written rationale, kept under `motivations`.",
    ),
    (
        "decide",
        "Registrera ett beslut om ett initiativ (beslutad och avslagen byter även fas).",
        "Record a decision on an initiative (approved and rejected also change the stage).",
    ),
    (
        "decide.id",
        "Initiativets id (filnamnet utan .yaml).",
        "The initiative's id (its file name without .yaml).",
    ),
    (
        "decide.outcome",
        "Utfallet: prioritised, deferred, returned, rejected eller approved.",
        "The outcome: prioritised, deferred, returned, rejected or approved.",
    ),
    (
        "decide.note",
        "En anteckning till beslutet.",
        "A note on the decision.",
    ),
    (
        "decide.forum",
        "Forum som beslutade.",
        "The forum that decided.",
    ),
    (
        "decide.date",
        "Beslutets datum (standard i dag).",
        "The decision's date (default today).",
    ),
    (
        "stage",
        "Flytta ett initiativ till en annan fas.",
        "Move an initiative to another stage.",
    ),
    (
        "stage.id",
        "Initiativets id (filnamnet utan .yaml).",
        "The initiative's id (its file name without .yaml).",
    ),
    (
        "stage.stage",
        "Den nya fasen: idea, preparation, approved, project, operations, realisation, closed, rejected eller parked.",
        "The new stage: idea, preparation, approved, project, operations, realisation, closed, rejected or parked.",
    ),
    (
        "follow-up",
        "Lägg till en mätning i uppföljningen av en nytta.",
        "Add a follow-up measurement to a benefit.",
    ),
    (
        "follow-up.id",
        "Initiativets id (filnamnet utan .yaml).",
        "The initiative's id (its file name without .yaml).",
    ),
    (
        "follow-up.benefit",
        "Nyttans id i initiativet.",
        "The benefit's id within the initiative.",
    ),
    (
        "follow-up.value",
        "Det uppmätta värdet.",
        "The measured value.",
    ),
    (
        "follow-up.date",
        "Mätningens datum (standard i dag).",
        "The measurement's date (default today).",
    ),
    (
        "follow-up.note",
        "En anteckning till mätningen.",
        "A note on the measurement.",
    ),
    (
        "new",
        "Skriv en ny, kommenterad initiativfil som klarar `bered check`.",
        "Write a new, commented initiative file that passes `bered check`.",
    ),
    (
        "new.id",
        "Det nya initiativets id: gemena a–z, siffror och bindestreck.",
        "The new initiative's id: lower-case a–z, digits and hyphens.",
    ),
    (
        "new.title",
        "Initiativets rubrik.",
        "The initiative's title.",
    ),
    (
        "schema",
        "Skriv ut JSON-scheman för portfolio.yaml och initiativfiler, för editorer.",
        "Print JSON Schemas for portfolio.yaml and initiative files, for editors.",
    ),
    (
        "schema.kind",
        "Vilket schema som skrivs ut.",
        "Which schema to print.",
    ),
    (
        "schema.out",
        "Skriv båda schemana i den här mappen i stället för att skriva ut ett.",
        "Write both schemas into this folder instead of printing one.",
    ),
];
