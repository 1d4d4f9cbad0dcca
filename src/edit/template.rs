//! `bered new`: a commented initiative file that passes `bered check` as it is.

use crate::model::Date;

/// The text of a new initiative file.
pub fn new_initiative(title: &str, submitted: Date) -> String {
    let title = quote(title);
    format!(
        "# yaml-language-server: $schema=../schema/initiative.schema.json\n\
# Nytt initiativ. Fyll i det som är känt; `bered check` säger vad som saknas.\n\
title: {title}\n\
summary: \"\"               # en mening om vad som ska bli bättre, och för vem\n\
unit: \"\"                  # ansvarig enhet\n\
owner: \"\"                 # initiativägare\n\
submitted: {submitted}\n\
stage: idea               # idea, preparation, approved, project, operations, realisation, closed, rejected, parked\n\
tags: []\n\
goals: []                 # id:n ur portfolio.yaml: strategic_goals\n\
hypotheses: []            # \"Som en … vill jag … för att …\"\n\
# Poäng 1–4 enligt utvärderingsmodellen; complexity: 1 = hög komplexitet, 4 = låg.\n\
scores: {{}}\n\
motivations: {{}}\n\
# business_case:\n\
#   start_year: {year}\n\
#   years: 5\n\
#   costs:\n\
#     - {{name: Införande, kind: investment, amounts: {{{year}: 100000}}}}\n\
#   benefits:\n\
#     - {{name: Frigjord tid, kind: reallocation, hours: 200}}\n\
benefits: []\n\
decisions: []\n",
        year = submitted.year
    )
}

/// A YAML double-quoted string.
fn quote(text: &str) -> String {
    let escaped: String = text
        .chars()
        .flat_map(|c| match c {
            '"' => vec!['\\', '"'],
            '\\' => vec!['\\', '\\'],
            '\n' => vec!['\\', 'n'],
            c if c.is_control() => format!("\\u{:04x}", c as u32).chars().collect(),
            c => vec![c],
        })
        .collect();
    format!("\"{escaped}\"")
}
