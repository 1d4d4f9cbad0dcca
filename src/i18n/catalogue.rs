//! The library's findings in Swedish: load diagnostics and hints and edit refusals are written
//! in English where they arise (tests and JSON read them so); `translate` finds the pattern a
//! message was made from and says it in Swedish, the varying parts carried over.

use super::Lang;

/// The library's English findings and their Swedish: `{}` stands for a part carried over as
/// it is (a name, a number, a list of ids), in the same order in both languages.
pub const CATALOGUE: &[(&str, &str)] = &[
    // Loading: files.
    ("cannot read: {}", "kan inte läsas: {}"),
    ("cannot read the folder: {}", "kan inte läsa mappen: {}"),
    ("cannot list the folder: {}", "kan inte lista mappen: {}"),
    ("is a folder, expected a file", "är en mapp, väntade en fil"),
    (
        "refused: a named pipe (FIFO), not a file",
        "avvisad: ett namngivet rör (FIFO), inte en fil",
    ),
    (
        "refused: a device, not a file",
        "avvisad: en enhet, inte en fil",
    ),
    (
        "refused: a socket, not a file",
        "avvisad: en socket, inte en fil",
    ),
    ("refused: not a regular file", "avvisad: inte en vanlig fil"),
    (
        "{} (through a symbolic link)",
        "{} (genom en symbolisk länk)",
    ),
    (
        "refused: a symbolic link to a file outside the portfolio",
        "avvisad: en symbolisk länk till en fil utanför portföljen",
    ),
    (
        "refused: {} bytes is over the {} MiB limit for a portfolio file",
        "avvisad: {} byte är över gränsen {} MiB för en portföljfil",
    ),
    (
        "refused: over the {} MiB limit for a portfolio file",
        "avvisad: över gränsen {} MiB för en portföljfil",
    ),
    (
        "ignored: initiative files end in .yaml",
        "hoppas över: initiativfiler slutar på .yaml",
    ),
    (
        "not UTF-8 text: invalid byte sequence",
        "inte UTF-8-text: ogiltig bytesekvens",
    ),
    ("save the file as UTF-8", "spara filen som UTF-8"),
    (
        "unresolved git merge conflict (`<<<<<<<` marker)",
        "olöst sammanslagningskonflikt i git (markören `<<<<<<<`)",
    ),
    (
        "resolve the conflict: keep the right lines and remove the <<<<<<<, ======= and >>>>>>> markers",
        "lös konflikten: behåll rätt rader och ta bort markörerna <<<<<<<, ======= och >>>>>>>",
    ),
    (
        "empty file: expected an initiative with at least `title` and `stage`",
        "tom fil: väntade ett initiativ med minst `title` och `stage`",
    ),
    (
        "no portfolio.yaml: using the default settings and Nacka's model",
        "ingen portfolio.yaml: standardinställningarna och Nackas modell används",
    ),
    (
        "write `initiatives:` as a block list, one `- ` item per initiative",
        "skriv `initiatives:` som en blocklista, en `- `-punkt per initiativ",
    ),
    // Loading: ids.
    (
        "`id: {}` differs from the file name `{}`",
        "`id: {}` skiljer sig från filnamnet `{}`",
    ),
    (
        "the id is the file name; remove `id:` or rename the file",
        "id är filnamnet; ta bort `id:` eller byt namn på filen",
    ),
    (
        "missing required key `{}`",
        "obligatorisk nyckel `{}` saknas",
    ),
    (
        "in a single-file portfolio every initiative needs `id:`",
        "i en portfölj i en enda fil behöver varje initiativ `id:`",
    ),
    (
        "initiative id `{}` is used twice",
        "initiativets id `{}` används två gånger",
    ),
    ("also in {}", "även i {}"),
    // YAML.
    ("unknown key `{}`", "okänd nyckel `{}`"),
    (
        "unknown value `{}`, expected one of: {}",
        "okänt värde `{}`, väntade ett av: {}",
    ),
    ("did you mean `{}`?", "menade du `{}`?"),
    ("expected one of: {}", "väntade ett av: {}"),
    ("refused: {}", "avvisad: {}"),
    (
        "the file is larger or deeper than a portfolio file can be",
        "filen är större eller djupare än en portföljfil kan vara",
    ),
    ("expected a list here", "väntade en lista här"),
    (
        "write `[a, b]` or one `- item` per line",
        "skriv `[a, b]` eller en `- punkt` per rad",
    ),
    (
        "expected keys and values here (`key: value`)",
        "väntade nycklar och värden här (`nyckel: värde`)",
    ),
    (
        "expected text here, found a list or a mapping",
        "väntade text här, fann en lista eller en mappning",
    ),
    (
        "quote the text if it starts with [ or {",
        "citera texten om den börjar med [ eller {",
    ),
    ("expected a whole number", "väntade ett heltal"),
    (
        "indent with spaces; YAML does not allow tabs",
        "dra in med mellanslag; YAML tillåter inte tabbar",
    ),
    (
        "expected a number such as 520000 or 0.03, found `{}`",
        "väntade ett tal som 520000 eller 0.03, fann `{}`",
    ),
    (
        "expected a date as YYYY-MM-DD, found `{}`",
        "väntade ett datum som ÅÅÅÅ-MM-DD, fann `{}`",
    ),
    (
        "`{}` is not a date in the calendar",
        "`{}` är inget datum i kalendern",
    ),
    (
        "duplicate mapping key `{}` is not allowed here",
        "nyckeln `{}` förekommer två gånger",
    ),
    // Validation.
    ("the criteria are: {}", "kriterierna är: {}"),
    ("unknown criterion `{}`", "okänt kriterium `{}`"),
    (
        "score must be a whole number from 1 to 4, found `{}`",
        "poängen ska vara ett heltal från 1 till 4, fann `{}`",
    ),
    (
        "motivation for unknown criterion `{}`",
        "motivering för okänt kriterium `{}`",
    ),
    (
        "portfolio.yaml defines no `strategic_goals`",
        "portfolio.yaml anger inga `strategic_goals`",
    ),
    ("the portfolio's goals are: {}", "portföljens mål är: {}"),
    (
        "`{}` names no strategic goal of the portfolio",
        "`{}` är inget av portföljens strategiska mål",
    ),
    (
        "`years` must be from 1 to 50, found {}",
        "`years` ska vara från 1 till 50, fann {}",
    ),
    (
        "quality shift is on a 0–10 scale, found {}",
        "kvalitetsförändringen anges på en skala 0–10, fann {}",
    ),
    (
        "amount year {} is outside the business case horizon {}–{}",
        "beloppets år {} ligger utanför nyttokalkylens horisont {}–{}",
    ),
    (
        "quality_shift year {} is outside the business case horizon {}–{}",
        "kvalitetsförändringens år {} ligger utanför nyttokalkylens horisont {}–{}",
    ),
    (
        "{} year {} is outside the business case horizon {}–{}",
        "{} år {} ligger utanför nyttokalkylens horisont {}–{}",
    ),
    (
        "change `start_year`/`years`, or the year",
        "ändra `start_year`/`years`, eller året",
    ),
    (
        "`{}` is not a kind of costs",
        "`{}` är inte ett slags kostnad",
    ),
    (
        "`{}` is not a kind of benefits",
        "`{}` är inte ett slags nytta i nyttokalkylen",
    ),
    (
        "`{}` is not a kind of benefit",
        "`{}` är inte ett slags nytta",
    ),
    ("`from` {} is after `to` {}", "`from` {} är efter `to` {}"),
    (
        "range low {} is above its high {}",
        "intervallets låga värde {} är över det höga {}",
    ),
    ("write `range: [low, high]`", "skriv `range: [lågt, högt]`"),
    (
        "range factors cannot be negative",
        "intervallets faktorer kan inte vara negativa",
    ),
    (
        "`range` needs exactly two factors: [low, high]",
        "`range` behöver exakt två faktorer: [lågt, högt]",
    ),
    (
        "`hours` is only for reallocation benefits",
        "`hours` gäller bara omfördelningsnyttor",
    ),
    ("hours need an hourly cost", "timmar behöver en timkostnad"),
    (
        "set `hourly_cost` in portfolio.yaml or on this line",
        "ange `hourly_cost` i portfolio.yaml eller på den här raden",
    ),
    (
        "line `{}` has both `yearly` and `hours`; `yearly` is used",
        "raden `{}` har både `yearly` och `hours`; `yearly` används",
    ),
    ("keep one of them", "behåll en av dem"),
    (
        "line `{}` has no `amounts`, `yearly` or `hours`",
        "raden `{}` har varken `amounts`, `yearly` eller `hours`",
    ),
    (
        "benefit id `{}` is used twice in this initiative",
        "nyttans id `{}` används två gånger i initiativet",
    ),
    (
        "initiative in stage `{}` has no benefits to realise",
        "initiativ i fasen `{}` har inga nyttor att realisera",
    ),
    (
        "add `benefits:` with owner, indicator, baseline and target",
        "lägg till `benefits:` med nyttoägare, mått, utgångsläge och målvärde",
    ),
    (
        "benefit `{}` is due {} before it starts {}",
        "nyttan `{}` ska vara realiserad {} innan den börjar {}",
    ),
    (
        "follow-up dated {} is before benefit `{}` starts {}",
        "uppföljningen daterad {} är före nyttan `{}` börjar {}",
    ),
    (
        "reallocation benefit `{}` does not say what the freed time will be used for",
        "omfördelningsnyttan `{}` säger inte vad den frigjorda tiden används till",
    ),
    (
        "add `freed_time_use:` — the benefit shows in the operation, not in the budget",
        "lägg till `freed_time_use:` — nyttan syns i verksamheten, inte i budgeten",
    ),
    (
        "benefit `{}` has no owner",
        "nyttan `{}` har ingen nyttoägare",
    ),
    (
        "add `owner:` (nyttoägare)",
        "lägg till `owner:` (nyttoägare)",
    ),
    (
        "benefit `{}` has no baseline or target, so it cannot be followed up",
        "nyttan `{}` saknar utgångsläge eller målvärde och kan inte följas upp",
    ),
    // Settings and model.
    (
        "discount rate is a fraction such as 0.03, found {}",
        "kalkylräntan är en andel som 0.03, fann {}",
    ),
    (
        "`{}` cannot be negative, found {}",
        "`{}` kan inte vara negativ, fann {}",
    ),
    (
        "strategic goal id `{}` is used twice",
        "det strategiska målets id `{}` används två gånger",
    ),
    (
        "weight must be above 0, found {}",
        "vikten ska vara över 0, fann {}",
    ),
    (
        "weight for unknown criterion `{}`",
        "vikt för okänt kriterium `{}`",
    ),
    (
        "quadrant threshold is on the 1–4 scale, found {}",
        "kvadrantgränsen anges på skalan 1–4, fann {}",
    ),
    (
        "gate names unknown criterion `{}`",
        "spärren anger ett okänt kriterium `{}`",
    ),
    (
        "gate minimum is a score from 1 to 4, found {}",
        "spärrens lägsta poäng är från 1 till 4, fann {}",
    ),
    (
        "criterion id `{}` is used twice",
        "kriteriets id `{}` används två gånger",
    ),
    (
        "the model needs at least one {} criterion",
        "modellen behöver minst ett {}kriterium",
    ),
    (
        "weight {} is absurdly large; weights are relative, such as 1 to 10",
        "vikten {} är orimligt stor; vikter är relativa, till exempel 1 till 10",
    ),
    (
        "discount rate {} is outside a sane range (above -0.5 and below 1)",
        "kalkylräntan {} ligger utanför ett rimligt intervall (över -0,5 och under 1)",
    ),
    // Ids.
    (
        "`{}` is not an id: lower-case letters a–z, digits and hyphens, starting with a letter or digit",
        "`{}` är inget id: gemena bokstäver a–z, siffror och bindestreck, med en bokstav eller siffra först",
    ),
    (
        "`{}` is a reserved file name on Windows",
        "`{}` är ett reserverat filnamn i Windows",
    ),
    // The reports' refusals.
    (
        "no initiative with id `{}`; did you mean one of: {}?",
        "inget initiativ med id `{}`; menade du något av: {}?",
    ),
    (
        "no initiative with id `{}`; did you mean `{}`?",
        "inget initiativ med id `{}`; menade du `{}`?",
    ),
    ("no initiative with id `{}`", "inget initiativ med id `{}`"),
    // The filters' refusals, each kind by its word.
    (
        "unknown stage `{}`: the portfolio has no stage values",
        "okänt värde för fas `{}`: portföljen har inga värden för fas",
    ),
    (
        "unknown stage `{}`; valid values: {}",
        "okänt värde för fas `{}`; giltiga värden: {}",
    ),
    ("unknown stage `{}`", "okänt värde för fas `{}`"),
    (
        "unknown unit `{}`: the portfolio has no unit values",
        "okänt värde för enhet `{}`: portföljen har inga värden för enhet",
    ),
    (
        "unknown unit `{}`; valid values: {}",
        "okänt värde för enhet `{}`; giltiga värden: {}",
    ),
    ("unknown unit `{}`", "okänt värde för enhet `{}`"),
    (
        "unknown tag `{}`: the portfolio has no tag values",
        "okänt värde för tagg `{}`: portföljen har inga värden för tagg",
    ),
    (
        "unknown tag `{}`; valid values: {}",
        "okänt värde för tagg `{}`; giltiga värden: {}",
    ),
    ("unknown tag `{}`", "okänt värde för tagg `{}`"),
    (
        "unknown goal `{}`: the portfolio has no goal values",
        "okänt värde för mål `{}`: portföljen har inga värden för mål",
    ),
    (
        "unknown goal `{}`; valid values: {}",
        "okänt värde för mål `{}`; giltiga värden: {}",
    ),
    ("unknown goal `{}`", "okänt värde för mål `{}`"),
    (
        "unknown gate `{}`: the portfolio has no gate values",
        "okänt värde för spärr `{}`: portföljen har inga värden för spärr",
    ),
    (
        "unknown gate `{}`; valid values: {}",
        "okänt värde för spärr `{}`; giltiga värden: {}",
    ),
    ("unknown gate `{}`", "okänt värde för spärr `{}`"),
    (
        "unknown flag `{}`: the portfolio has no flag values",
        "okänt värde för varningsflagga `{}`: portföljen har inga värden för varningsflagga",
    ),
    (
        "unknown flag `{}`; valid values: {}",
        "okänt värde för varningsflagga `{}`; giltiga värden: {}",
    ),
    ("unknown flag `{}`", "okänt värde för varningsflagga `{}`"),
    (
        "unknown {} `{}`: the portfolio has no {} values",
        "okänt värde för {} `{}`: portföljen har inga värden för {}",
    ),
    (
        "unknown {} `{}`; valid values: {}",
        "okänt värde för {} `{}`; giltiga värden: {}",
    ),
    ("unknown {} `{}`", "okänt värde för {} `{}`"),
    // Edits: details of a refusal.
    ("the file does not parse: {}", "filen kan inte tolkas: {}"),
    (
        "no initiative with `id: {}` in the list",
        "inget initiativ med `id: {}` i listan",
    ),
    (
        "the file is not a mapping of keys",
        "filen är inte en mappning av nycklar",
    ),
    ("no `initiatives:` list", "ingen lista `initiatives:`"),
    (
        "the initiative has no `benefits`",
        "initiativet har inga `benefits`",
    ),
    (
        "no benefit `{}` in this initiative",
        "ingen nytta `{}` i det här initiativet",
    ),
    ("the file's syntax ({})", "filens syntax ({})"),
    (
        "the initiative is not a mapping",
        "initiativet är inte en mappning",
    ),
    (
        "the initiative's validity ({})",
        "initiativets giltighet ({})",
    ),
];

/// `message` (English, as the library wrote it) in `lang`: under Swedish the catalogue's
/// sentence with the varying parts carried over, each of them translated in turn when it is
/// itself a finding ("refused: {}"); a message not in the catalogue stays as written.
pub fn translate(message: &str, lang: Lang) -> String {
    if lang == Lang::En {
        return message.to_string();
    }
    translate_sv(message, 0)
}

fn translate_sv(message: &str, depth: u8) -> String {
    for (en, sv) in CATALOGUE {
        if let Some(parts) = matches(en, message) {
            let mut out = String::new();
            for (i, piece) in sv.split("{}").enumerate() {
                if i > 0 {
                    let part = parts.get(i - 1).copied().unwrap_or_default();
                    out.push_str(&inner(part, depth));
                }
                out.push_str(piece);
            }
            return out;
        }
    }
    message.to_string()
}

/// A carried-over part that is itself a finding ("(through a symbolic link)") is said in
/// Swedish too; names, numbers and lists are left as they are.
fn inner(part: &str, depth: u8) -> String {
    if depth < 2 && part.contains(' ') {
        translate_sv(part, depth + 1)
    } else {
        part.to_string()
    }
}

/// The parts of `text` that stand for the `{}` of `pattern`, when it was made from it.
fn matches<'a>(pattern: &str, text: &'a str) -> Option<Vec<&'a str>> {
    let pieces: Vec<&str> = pattern.split("{}").collect();
    let first = pieces.first().copied().unwrap_or_default();
    let mut rest = text.strip_prefix(first)?;
    let mut parts = Vec::new();
    for (i, piece) in pieces.iter().enumerate().skip(1) {
        let last = i == pieces.len() - 1;
        let at = if last {
            rest.len()
                .checked_sub(piece.len())
                .filter(|&n| rest[n..] == **piece)?
        } else if piece.is_empty() {
            return None;
        } else {
            rest.find(piece)?
        };
        parts.push(&rest[..at]);
        rest = &rest[at + piece.len()..];
    }
    (pieces.len() > 1 || rest.is_empty()).then_some(parts)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_pattern_is_there_in_both_languages_with_the_same_parts() {
        for (en, sv) in CATALOGUE {
            assert!(!en.trim().is_empty() && !sv.trim().is_empty(), "{en}");
            assert_eq!(en.matches("{}").count(), sv.matches("{}").count(), "{en}");
        }
    }

    #[test]
    fn a_finding_is_said_in_swedish_with_its_parts_carried_over() {
        let sv = |m: &str| translate(m, Lang::Sv);
        assert_eq!(sv("unknown key `titel`"), "okänd nyckel `titel`");
        assert_eq!(sv("did you mean `title`?"), "menade du `title`?");
        assert_eq!(
            sv("refused: a named pipe (FIFO), not a file (through a symbolic link)"),
            "avvisad: ett namngivet rör (FIFO), inte en fil (genom en symbolisk länk)"
        );
        assert_eq!(sv("something new"), "something new");
        assert_eq!(translate("unknown key `x`", Lang::En), "unknown key `x`");
    }
}
