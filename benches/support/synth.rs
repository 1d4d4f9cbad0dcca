//! Realistic synthetic portfolios in the contract format, deterministic for a count and a seed.
//! Shared by `examples/generate.rs` and the benchmarks.
#![allow(dead_code)]

use std::fmt::Write as _;
use std::path::Path;

const UNITS: [&str; 10] = [
    "Stadsbyggnad",
    "Äldreomsorg",
    "Arbete och försörjning",
    "Grundskola",
    "Förskola",
    "Kontaktcenter",
    "Ekonomienheten",
    "Kommunarkivet",
    "IT-enheten",
    "Miljöenheten",
];
const WHAT: [&str; 12] = [
    "Digital ansökan",
    "Automatiserad handläggning",
    "Sensorstöd",
    "E-tjänst",
    "AI-stöd",
    "Digital signering",
    "Självservice",
    "Översikt",
    "Digital tillsyn",
    "Robotiserad kontroll",
    "Bokningsstöd",
    "Mobil uppföljning",
];
const FOR: [&str; 12] = [
    "om bygglov",
    "inom hemtjänsten",
    "för ekonomiskt bistånd",
    "i skolan",
    "för förskolans vårdnadshavare",
    "i kontaktcenter",
    "för leverantörsfakturor",
    "av allmänna handlingar",
    "för medarbetare",
    "av vattenförbrukning",
    "för lokaler",
    "av livsmedelskontroller",
];
const STAGES: [&str; 9] = [
    "idea",
    "preparation",
    "approved",
    "project",
    "operations",
    "realisation",
    "closed",
    "rejected",
    "parked",
];
const STAGE_WEIGHTS: [u64; 9] = [10, 30, 10, 15, 10, 10, 5, 5, 5];
const GOALS: [&str; 4] = [
    "value-for-money",
    "growth",
    "best-development",
    "living-environments",
];
const OUTCOMES: [&str; 5] = [
    "prioritised",
    "deferred",
    "returned",
    "rejected",
    "approved",
];

/// SplitMix64: tiny, fast, and the same sequence on every platform and version.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: u64) -> u64 {
        self.next() % n
    }
    fn pick<'a>(&mut self, items: &[&'a str]) -> &'a str {
        items[self.below(items.len() as u64) as usize]
    }
    fn weighted(&mut self, weights: &[u64]) -> usize {
        let mut roll = self.below(weights.iter().sum());
        for (i, w) in weights.iter().enumerate() {
            if roll < *w {
                return i;
            }
            roll -= w;
        }
        0
    }
}

/// Writes a portfolio folder of `count` initiatives into `out`.
pub fn write_portfolio(out: &Path, count: usize, seed: u64) -> std::io::Result<()> {
    let folder = out.join("initiatives");
    std::fs::create_dir_all(&folder)?;
    std::fs::write(out.join("portfolio.yaml"), settings(count))?;
    let mut rng = Rng(seed);
    for n in 0..count {
        let (id, text) = initiative(&mut rng, n);
        std::fs::write(folder.join(format!("{id}.yaml")), text)?;
    }
    Ok(())
}

fn settings(count: usize) -> String {
    let budget = count as u64 * 400_000;
    let goals: String = GOALS
        .iter()
        .map(|g| format!("  - {{id: {g}, name: Mål {g}}}\n"))
        .collect();
    format!(
        "# Synthetic portfolio made by `cargo run --example generate`.\nname: Syntetisk portfölj ({count} initiativ)\norganisation: Exempelregionen\ncurrency: SEK\nplanning_year: 2026\nbudget: {budget}\ndiscount_rate: 0.03\nhourly_cost: 520\nstrategic_goals:\n{goals}"
    )
}

fn initiative(rng: &mut Rng, n: usize) -> (String, String) {
    let (what, target) = (rng.pick(&WHAT), rng.pick(&FOR));
    let id = format!("initiativ-{n:06}");
    let stage = STAGES[rng.weighted(&STAGE_WEIGHTS)];
    let mut t = String::with_capacity(2400);
    let _ = writeln!(t, "title: {what} {target} {n}");
    let _ = writeln!(
        t,
        "summary: {what} {target} ger kortare ledtider och färre fel i verksamheten."
    );
    let _ = writeln!(
        t,
        "unit: {}\nowner: Handläggare {}",
        rng.pick(&UNITS),
        rng.below(500)
    );
    let _ = writeln!(
        t,
        "submitted: {}-{:02}-{:02}",
        2024 + rng.below(3),
        1 + rng.below(12),
        1 + rng.below(28)
    );
    let _ = writeln!(
        t,
        "stage: {stage}\ntags: [{}, {}]",
        rng.pick(&["e-tjänst", "automation", "ai", "sensorer"]),
        rng.pick(&["medborgare", "medarbetare", "företag"])
    );
    let _ = writeln!(t, "goals: [{}]", rng.pick(&GOALS));
    let _ = writeln!(
        t,
        "hypotheses:\n  - Som handläggare vill jag slippa dubbelarbete för att få tid till svåra ärenden."
    );
    t.push_str("scores:\n");
    // One in twenty is incompletely scored, as real portfolios are.
    let skip = if rng.below(20) == 0 {
        rng.below(11) as usize
    } else {
        usize::MAX
    };
    let model = bered::eval::Model::nacka();
    for (_, c) in model
        .criterion_ids()
        .enumerate()
        .filter(|(i, _)| *i != skip)
    {
        let _ = writeln!(t, "  {c}: {}", 1 + rng.below(4));
    }
    let _ = writeln!(
        t,
        "motivations:\n  complexity: Beroenden till {} system.",
        1 + rng.below(5)
    );
    business_case(rng, &mut t);
    benefit(rng, &mut t);
    let _ = writeln!(
        t,
        "decisions:\n  - {{date: 2026-{:02}-{:02}, forum: beredningsgruppen, outcome: {}}}",
        1 + rng.below(10),
        1 + rng.below(28),
        rng.pick(&OUTCOMES)
    );
    (id, t)
}

fn business_case(rng: &mut Rng, t: &mut String) {
    let start = 2024 + rng.below(3);
    let invest = 50_000 * (1 + rng.below(40));
    let ops = 10_000 * (1 + rng.below(30));
    let _ = writeln!(
        t,
        "business_case:\n  start_year: {start}\n  years: {}",
        5 + rng.below(4)
    );
    let _ = writeln!(
        t,
        "  costs:\n    - {{name: Införande, kind: investment, amounts: {{{start}: {invest}, {}: {}}}}}",
        start + 1,
        invest / 10
    );
    let _ = writeln!(
        t,
        "    - {{name: Förvaltning, kind: operations, yearly: {ops}, from: {}}}",
        start + 1
    );
    let _ = writeln!(
        t,
        "  benefits:\n    - {{name: Minskade kostnader, kind: financial, yearly: {}}}",
        5_000 * (1 + rng.below(40))
    );
    let _ = writeln!(
        t,
        "    - {{name: Frigjord tid, kind: reallocation, hours: {}, range: [0.7, 1.2]}}",
        100 * (1 + rng.below(20))
    );
    let _ = writeln!(t, "  quality_shift: {{{}: 0.5}}", start + 1);
}

fn benefit(rng: &mut Rng, t: &mut String) {
    let baseline = 20 + rng.below(40);
    let target = if rng.below(2) == 0 {
        baseline / 2
    } else {
        baseline * 2
    };
    let _ = writeln!(
        t,
        "benefits:\n  - id: ledtid\n    title: Kortare ledtid\n    kind: reallocation"
    );
    let _ = writeln!(
        t,
        "    chain: Genom att ärenden kommer in kompletta minskar omtaget, vilket leder till kortare ledtid."
    );
    let _ = writeln!(
        t,
        "    owner: Enhetschef\n    indicator: Ledtid (dagar)\n    baseline: {baseline}\n    target: {target}"
    );
    let _ = writeln!(
        t,
        "    start: 2025-01-01\n    due: 2027-12-31\n    freed_time_use: Fler uppsökande besök"
    );
    let _ = writeln!(
        t,
        "    follow_up:\n      - {{date: 2026-0{}-15, value: {}, note: Halvårsmätning}}",
        1 + rng.below(9),
        (baseline + target) / 2
    );
}
