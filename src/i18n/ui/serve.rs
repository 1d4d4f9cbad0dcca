//! The words of `bered serve`: roles, refusals, the shared meeting, and what the server says
//! when it starts, refuses a connection or shuts down.

use super::Text;
use crate::i18n::Lang;

pub const ROLE_VIEWER: Text = Text("läsare", "viewer");
pub const ROLE_EDITOR: Text = Text("redigerare", "editor");
pub const ROLE_CHAIR: Text = Text("ordförande", "chair");

pub const VIEWER_REFUSED: Text = Text(
    "Du kan bara läsa: ändringar kräver en nyckel med rollen redigerare. Inget skrevs.",
    "You can only read: edits need a key with the editor role. Nothing was written.",
);
pub const CHAIR_ONLY: Text = Text(
    "Bara ordföranden startar och avslutar det gemensamma mötet.",
    "Only the chair starts and ends the shared meeting.",
);
pub const MEETING_LEFT: Text = Text(
    "Du tittar på annat under mötet – M följer ordföranden igen.",
    "You are looking elsewhere during the meeting – M follows the chair again.",
);
pub const MEETING_ENDED: Text = Text(
    "Ordföranden avslutade mötet.",
    "The chair ended the meeting.",
);
pub const NO_PTY: Text = Text(
    "bered serve behöver en terminal: anslut med ssh -t, utan -T och utan kommando.",
    "bered serve needs a terminal: connect with ssh -t, without -T and without a command.",
);
pub const GOODBYE: Text = Text(
    "bered serve stängs – hej då.",
    "bered serve is shutting down – goodbye.",
);
pub const IDLE_TIMEOUT: Text = Text(
    "Ingen aktivitet på länge – anslutningen stängs.",
    "No activity for a long time – the connection closes.",
);
pub const TOO_MANY_SESSIONS: Text = Text(
    "Fullt: för många anslutna just nu. Försök igen senare.",
    "Full: too many sessions right now. Try again later.",
);
pub const ON_DISK: Text = Text("någon (på disk)", "someone (on disk)");
pub const ANONYMOUS: Text = Text("anonym läsare", "anonymous viewer");

/// A stale edit: someone wrote to the initiative after this client's data was taken.
pub fn changed_by(name: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{name} ändrade detta nyss. Inget skrevs – se efter och försök igen."),
        Lang::En => {
            format!("{name} changed this a moment ago. Nothing was written – look and try again.")
        }
    }
}

/// Another client wrote: who, and to which initiatives.
pub fn changed_by_other(name: &str, titles: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("{name} ändrade {titles}."),
        Lang::En => format!("{name} changed {titles}."),
    }
}

/// A participant's screen follows the chair into the meeting.
pub fn meeting_following(chair: &str, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!("Mötet pågår: du följer {chair}. Esc tittar på annat, M följer igen."),
        Lang::En => {
            format!("The meeting is on: you follow {chair}. Esc looks elsewhere, M follows again.")
        }
    }
}

/// Printed when the server has started.
pub fn serving(addr: &str, fingerprint: &str, keys: usize, lang: Lang) -> String {
    match lang {
        Lang::Sv => format!(
            "bered serve lyssnar på {addr} ({keys} nycklar).\nVärdnyckelns fingeravtryck: {fingerprint}"
        ),
        Lang::En => format!(
            "bered serve is listening on {addr} ({keys} keys).\nHost key fingerprint: {fingerprint}"
        ),
    }
}

/// A line of the keys file that cannot be read; the server refuses to start.
pub fn keys_error(path: &str, line: usize, problem: &str) -> String {
    format!("{path}:{line}: {problem}")
}

pub const KEYS_NO_ROLE: Text = Text(
    "nyckeln saknar role=\"viewer|editor|chair\"",
    "the key has no role=\"viewer|editor|chair\"",
);
pub const KEYS_BAD_ROLE: Text = Text(
    "okänd roll – använd viewer, editor eller chair",
    "unknown role – use viewer, editor or chair",
);
pub const KEYS_BAD_KEY: Text = Text(
    "ingen läsbar publik nyckel (authorized_keys-format)",
    "no readable public key (authorized_keys format)",
);
pub const KEYS_MISSING: Text = Text(
    "nyckelfilen finns inte; skapa den, eller starta med --anonymous-viewers",
    "the keys file does not exist; create it, or start with --anonymous-viewers",
);
pub const KEYS_RELOADED: Text = Text("Nyckelfilen lästes om.", "The keys file was read again.");
pub const KEYS_RELOAD_FAILED: Text = Text(
    "Nyckelfilen kunde inte läsas om; de förra nycklarna gäller:",
    "The keys file could not be read again; the previous keys still apply:",
);
