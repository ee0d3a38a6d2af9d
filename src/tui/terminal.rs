//! Entering and leaving the full-screen terminal, on every exit path.
//!
//! ratatui's own panic hook restores raw mode and the main screen but does
//! not know about bracketed paste or mouse capture; left on, they would
//! wrap every later paste in escape codes or swallow clicks in the shell.
//! So leaving is one function, called on the normal path and from the
//! panic hook alike.

use ratatui::DefaultTerminal;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
};
use ratatui::crossterm::execute;
use std::io::stdout;
use std::sync::atomic::{AtomicBool, Ordering};

static MOUSE: AtomicBool = AtomicBool::new(false);

/// Enters: raw mode, alternate screen, bracketed paste, mouse if asked.
pub fn enter(mouse: bool) -> std::io::Result<DefaultTerminal> {
    let terminal = ratatui::try_init()?;
    let previous = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        leave();
        previous(info);
    }));
    MOUSE.store(mouse, Ordering::SeqCst);
    execute!(stdout(), EnableBracketedPaste)?;
    if mouse {
        execute!(stdout(), EnableMouseCapture)?;
    }
    Ok(terminal)
}

/// Leaves, undoing everything `enter` did. Safe to call twice; errors are
/// ignored because there is nothing better to do on the way out.
pub fn leave() {
    if MOUSE.swap(false, Ordering::SeqCst) {
        let _ = execute!(stdout(), DisableMouseCapture);
    }
    let _ = execute!(stdout(), DisableBracketedPaste);
    // Not `ratatui::restore`, which prints its error: when the terminal
    // has gone (a dropped SSH or tmux session) that print fails, panics,
    // and inside the panic hook aborts, so no destructor runs (the drafts
    // store's lock stayed behind).
    let _ = ratatui::try_restore();
}
