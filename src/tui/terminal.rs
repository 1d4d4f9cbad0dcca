//! Entering and leaving the terminal's raw, alternate-screen mode, and making sure it is left on
//! every way out: normal quit, error (the guard's drop), panic (the hook), SIGTERM, SIGHUP,
//! SIGINT and SIGQUIT (the runtime turns them into a quit, and the process then exits with
//! 128 + the signal's number, as shells expect of a process a signal ended).

use std::io::{self, IsTerminal, Stdout};
use std::mem::ManuallyDrop;
use std::sync::Once;
use std::sync::atomic::{AtomicI32, Ordering};

use crossterm::cursor::{Hide, Show};
use crossterm::event::{DisableBracketedPaste, EnableBracketedPaste};
use crossterm::execute;
use crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::Terminal;
use ratatui::backend::CrosstermBackend;

pub type Term = Terminal<CrosstermBackend<Stdout>>;

/// Whether both ends are a terminal; over `ssh` without `-t`, or in a pipe, they are not.
pub fn is_interactive() -> bool {
    io::stdin().is_terminal() && io::stdout().is_terminal()
}

/// Holds the terminal in application mode; dropping it restores the terminal.
pub struct Guard {
    /// Never dropped: ratatui's drop shows the cursor again and, when that fails because the
    /// terminal is gone (an SSH drop), reports it with `eprintln!`, which panics on the closed
    /// stderr. `restore` shows the cursor itself and ignores such errors.
    pub terminal: ManuallyDrop<Term>,
}

impl Guard {
    pub fn enter() -> io::Result<Guard> {
        install_panic_hook();
        enable_raw_mode()?;
        let mut stdout = io::stdout();
        if let Err(e) = execute!(stdout, EnterAlternateScreen, EnableBracketedPaste, Hide) {
            restore();
            return Err(e);
        }
        match Terminal::new(CrosstermBackend::new(stdout)) {
            Ok(terminal) => Ok(Guard {
                terminal: ManuallyDrop::new(terminal),
            }),
            Err(e) => {
                restore();
                Err(e)
            }
        }
    }
}

impl Drop for Guard {
    fn drop(&mut self) {
        restore();
    }
}

/// Puts the terminal back as we found it. Safe to call more than once.
pub fn restore() {
    let _ = disable_raw_mode();
    let _ = execute!(
        io::stdout(),
        DisableBracketedPaste,
        LeaveAlternateScreen,
        Show
    );
}

fn install_panic_hook() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        let previous = std::panic::take_hook();
        std::panic::set_hook(Box::new(move |info| {
            // Restore first, so the panic message lands on a normal screen.
            restore();
            previous(info);
        }));
    });
}

/// The signal that asked the application to stop, 0 for none.
static FATAL_SIGNAL: AtomicI32 = AtomicI32::new(0);

/// Notes the signal that ends the run, for the exit status.
pub fn note_signal(signal: i32) {
    FATAL_SIGNAL.store(signal, Ordering::SeqCst);
}

/// The signal that ended the run, if one did: exit with 128 + its number.
pub fn fatal_signal() -> Option<i32> {
    Some(FATAL_SIGNAL.load(Ordering::SeqCst)).filter(|&s| s > 0)
}
