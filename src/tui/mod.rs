//! The review desk in a terminal: a thin layer over `crate::desk`.
//!
//! - `keymap`: the one key table (dispatch, key bar, help)
//! - `theme`: styles by meaning, 16 ANSI colours or monochrome
//! - `render`: draws a frame from the desk's state, nothing else
//! - `terminal`: entering and leaving full screen on every exit path
//!
//! The loop blocks on one channel fed by the input thread and the loader
//! thread, and redraws only after something arrived: no timer, nothing
//! repaints over a slow SSH link on its own.

pub mod keymap;
pub mod render;
pub mod terminal;
pub mod theme;
mod watch;

#[cfg(test)]
mod script_tests;

use crate::check::AcrossFolder;
use crate::config::Config;
use crate::desk::editor::EditKey;
use crate::desk::outside::{Outside, perform};
use crate::desk::{Command, Desk, Event, Item};
use crate::i18n::Lang;
use crate::load::declaration_files;
use ratatui::crossterm::event::{
    self, Event as TermEvent, KeyEventKind, MouseButton, MouseEventKind,
};
use ratatui::crossterm::execute;
use ratatui::crossterm::terminal::{BeginSynchronizedUpdate, EndSynchronizedUpdate};
use rayon::prelude::*;
use std::path::PathBuf;
use std::sync::mpsc::{Receiver, RecvTimeoutError, Sender, TryRecvError, channel};
use std::time::{Duration, Instant};

/// How the desk looks and listens.
pub struct Options {
    pub lang: Lang,
    /// Who signs what is written from the desk.
    pub reviewer: String,
    pub color: bool,
    pub ascii: bool,
    pub mouse: bool,
}

/// What wakes the loop.
enum Msg {
    /// Files read by the loader, a few at a time: the loop hands them in
    /// as one batch.
    Loaded(Vec<Item>),
    /// SIGHUP (the SSH connection dropped) or SIGTERM: drafts are already
    /// kept; leave cleanly.
    Signal(i32),
    /// A key, mouse or resize event, and when the input thread read it.
    Input(TermEvent, Instant),
    /// Anything else, handled as it comes.
    One(One),
}

/// A message the loop hands to the desk as it comes.
enum One {
    Term(TermEvent),
    InputClosed,
    /// What changed in the folder since it loaded.
    Desk(Vec<Event>),
    Found(usize),
    Finished,
}

/// Opens the desk on `dir` and returns when the reviewer quits, with the
/// signal that ended it, if one did.
pub fn run(
    dir: PathBuf,
    config: Config,
    options: Options,
    keys: Vec<keymap::Binding>,
) -> std::io::Result<Option<i32>> {
    // Drafts are filed under the folder's full path, the same however it
    // was typed.
    let folder = std::fs::canonicalize(&dir)
        .unwrap_or_else(|_| dir.clone())
        .display()
        .to_string();
    let mut desk = Desk::new(options.lang, folder.clone(), config.clone());
    desk.event(Event::SignedBy(options.reviewer.clone()));
    if let Some(login) = crate::review::act::login() {
        desk.event(Event::RunsAs(login));
    }
    // Last year's files that did not load: said once, at the start.
    if let Some(last) = config.rules.last_year.as_deref()
        && !last.broken.is_empty()
    {
        let words = crate::i18n::years::broken_last_year(
            options.lang,
            &crate::sanitize::display_line(&last.folder),
            last.broken.len(),
        );
        desk.event(Event::Warned(words));
    }
    if crate::review::journals::lacks_sticky_bit(&dir) {
        let words = crate::i18n::authorship::no_sticky_bit(options.lang, &folder);
        desk.event(Event::Warned(words));
    }
    let mut drafts = crate::review::draft::default_dir()
        .ok_or_else(|| std::io::Error::other("no home directory"))
        .and_then(|d| crate::review::draft::Store::open(&d));
    if let Ok(store) = &mut drafts {
        desk.event(Event::Restore(store.adopt(&folder)));
    }
    let (tx, rx) = channel();
    let mut outside = Outside {
        dir: dir.clone(),
        config: config.clone(),
        reviewer: options.reviewer.clone(),
        drafts,
        rescan: rescanner(dir.clone(), config.clone(), tx.clone()),
        across: across_checker(config.clone(), tx.clone()),
    };
    desk.check_across_elsewhere();
    let theme = theme::Theme {
        color: options.color,
        ascii: options.ascii,
    };
    spawn_signals(tx.clone())?;
    spawn_loader(dir, config, tx.clone());
    let mut terminal = terminal::enter(options.mouse)?;
    spawn_input(tx);
    let result = event_loop(
        &mut terminal,
        &rx,
        &mut desk,
        &theme,
        options.mouse,
        &keys,
        &mut outside,
    );
    terminal::leave();
    result
}

/// Runs the checks across the folder on a worker and tells the loop what
/// they said.
fn across_checker(config: Config, tx: Sender<Msg>) -> Box<dyn FnMut(u64, AcrossFolder)> {
    Box::new(move |asked, folder| {
        let (config, tx) = (config.clone(), tx.clone());
        std::thread::spawn(move || {
            let marks = folder.run(&config);
            let _ = tx.send(Msg::One(One::Desk(vec![Event::CheckedAcross {
                asked,
                marks,
            }])));
        });
    })
}

/// Reads the whole folder again on a worker and tells the loop what
/// changed, as the watcher would.
fn rescanner(dir: PathBuf, config: Config, tx: Sender<Msg>) -> Box<dyn FnMut(Vec<String>)> {
    Box::new(move |known| {
        let (dir, config, tx) = (dir.clone(), config.clone(), tx.clone());
        std::thread::spawn(move || {
            let paths = crate::desk::changes::everything(&dir, &known);
            let events = crate::desk::changes::changes(&dir, &paths, &config);
            let _ = tx.send(Msg::One(One::Desk(events)));
        });
    })
}

/// Turns SIGHUP and SIGTERM into messages, so the loop ends the way it
/// does for `q`: drafts kept, terminal restored.
#[cfg(not(unix))]
fn spawn_signals(_tx: Sender<Msg>) -> std::io::Result<()> {
    Ok(())
}

#[cfg(unix)]
fn spawn_signals(tx: Sender<Msg>) -> std::io::Result<()> {
    use signal_hook::consts::{SIGHUP, SIGTERM};
    let mut signals = signal_hook::iterator::Signals::new([SIGHUP, SIGTERM])?;
    std::thread::spawn(move || {
        for signal in signals.forever() {
            if tx.send(Msg::Signal(signal)).is_err() {
                return;
            }
        }
    });
    Ok(())
}

/// Loads the folder on all cores in the background, file by file; then
/// follows the folder's changes (see `watch`).
fn spawn_loader(dir: PathBuf, config: Config, tx: Sender<Msg>) {
    std::thread::spawn(move || {
        // Watching starts before the listing, so a change made while the
        // folder loads is not missed; it is told once all is in.
        let changes = watch::start(&dir);
        let files = declaration_files(&dir).unwrap_or_default();
        let _ = tx.send(Msg::One(One::Found(files.len())));
        let namesakes = crate::load::Namesakes::of(&files);
        // Files go to the loop a few at a time: a message a file woke it
        // 100,000 times for a big folder.
        files
            .par_chunks(LOAD_CHUNK)
            .for_each_with(tx.clone(), |tx, chunk| {
                // The search key is built here, on a worker, not in the UI.
                let items = chunk
                    .iter()
                    .map(|path| Item::load_listed(path, &namesakes, &config))
                    .collect();
                let _ = tx.send(Msg::Loaded(items));
            });
        let _ = tx.send(Msg::One(One::Finished));
        if let Some((_watcher, changed)) = changes {
            watch::follow(&dir, &config, &changed, |events| {
                tx.send(Msg::One(One::Desk(events))).is_ok()
            });
        }
    });
}

fn spawn_input(tx: Sender<Msg>) {
    std::thread::spawn(move || {
        loop {
            match event::read() {
                Ok(e) => {
                    if tx.send(Msg::Input(e, Instant::now())).is_err() {
                        return;
                    }
                }
                Err(_) => {
                    let _ = tx.send(Msg::One(One::InputClosed));
                    return;
                }
            }
        }
    });
}

fn event_loop(
    terminal: &mut ratatui::DefaultTerminal,
    rx: &Receiver<Msg>,
    desk: &mut Desk,
    theme: &theme::Theme,
    mouse: bool,
    keys: &[keymap::Binding],
    outside: &mut Outside,
) -> std::io::Result<Option<i32>> {
    let size = terminal.size()?;
    // The notice is dated in the reviewer's own zone (TZ, or the system's).
    let zone = crate::clock::local_zone();
    desk.event(Event::Clock {
        today: jiff::Timestamp::now().to_zoned(zone.clone()).date(),
        zone,
    });
    desk.event(Event::Resize {
        rows: render::page_rows(size.height),
        cols: usize::from(size.width),
    });
    perform(desk, outside);
    let mut ended_by = None;
    let mut pending: Vec<Item> = Vec::new();
    let mut flushed = Instant::now();
    let mut redraw = true;
    let mut key_times = KeyTimes::from_env();
    // When the oldest key not yet answered on screen was read.
    let mut unanswered: Option<Instant> = None;
    loop {
        // One frame, drawn as one synchronized update where supported,
        // when the desk changed: files read and waiting to go in change
        // nothing on screen, and a frame for each batch would take a core
        // from the loader.
        if std::mem::take(&mut redraw) {
            let _ = execute!(std::io::stdout(), BeginSynchronizedUpdate);
            terminal.draw(|f| render::draw(f, desk, theme, keys))?;
            let _ = execute!(std::io::stdout(), EndSynchronizedUpdate);
            if let Some(read) = unanswered.take() {
                key_times.note(read.elapsed());
            }
        }

        // Wait for a message; while a search runs, work on it between
        // messages and redraw when it is done. Files read wait to go in
        // together, for at most LOAD_EVERY.
        let first = loop {
            if !desk.searching() {
                // Nothing to do but wait: 本批概况's figures counted
                // ahead, unless a message is already there.
                if pending.is_empty() && desk.season_ahead() {
                    match rx.try_recv() {
                        Ok(m) => break Some(m),
                        Err(TryRecvError::Empty) => desk.count_season_ahead(),
                        Err(TryRecvError::Disconnected) => return Ok(ended_by),
                    }
                }
                if pending.is_empty() {
                    match rx.recv() {
                        Ok(m) => break Some(m),
                        Err(_) => return Ok(ended_by),
                    }
                }
                match rx.recv_timeout(LOAD_EVERY.saturating_sub(flushed.elapsed())) {
                    Ok(m) => break Some(m),
                    Err(RecvTimeoutError::Timeout) => break None,
                    Err(RecvTimeoutError::Disconnected) => return Ok(ended_by),
                }
            }
            // A few milliseconds of search between messages, so that it
            // finishes even while files keep arriving.
            let until = Instant::now() + SEARCH_BUDGET;
            while desk.searching() && Instant::now() < until {
                desk.event(Event::SearchStep);
            }
            redraw |= !desk.searching();
            match rx.try_recv() {
                Ok(m) => break Some(m),
                Err(TryRecvError::Empty) if !desk.searching() => break None,
                Err(TryRecvError::Empty) => {}
                Err(TryRecvError::Disconnected) => return Ok(ended_by),
            }
        };
        let screen =
            ratatui::layout::Rect::from((ratatui::layout::Position::ORIGIN, terminal.size()?));
        // Everything already waiting is handled before the next frame;
        // loaded files go in as one batch: at once while the list is
        // empty, then every LOAD_EVERY (going in costs the whole list a
        // pass, so a big folder in many small batches would cost it many).
        let mut keyed = false;
        for msg in first.into_iter().chain(rx.try_iter()) {
            match msg {
                Msg::Loaded(items) => pending.extend(items),
                Msg::Signal(signal) => {
                    ended_by = Some(signal);
                    desk.command(Command::Exit);
                    redraw = true;
                }
                Msg::Input(e, read) => {
                    if matches!(e, TermEvent::Key(_)) {
                        unanswered.get_or_insert(read);
                    }
                    keyed = true;
                    handle(One::Term(e), desk, keys, mouse, screen);
                    redraw = true;
                }
                Msg::One(one) => {
                    // The loader's and the watcher's news come after the
                    // files read before them; a key acts on the screen as
                    // it is, and is not kept waiting by a batch going in.
                    if !pending.is_empty() {
                        desk.event(Event::Loaded(std::mem::take(&mut pending)));
                        flushed = Instant::now();
                    }
                    handle(one, desk, keys, mouse, screen);
                    redraw = true;
                }
            }
        }
        // A key's frame first; the batch on the next turn, at most
        // LOAD_SLICE files a turn, so that a key waits for one slice at
        // most: the clock is not reset until all have gone in, so the
        // next turn does not wait.
        if !pending.is_empty()
            && !keyed
            && (desk.items().is_empty() || flushed.elapsed() >= LOAD_EVERY)
        {
            let rest = pending.split_off(LOAD_SLICE.min(pending.len()));
            desk.event(Event::Loaded(std::mem::replace(&mut pending, rest)));
            if pending.is_empty() {
                flushed = Instant::now();
            }
            redraw = true;
        }
        perform(desk, outside);
        if desk.quit() {
            return Ok(ended_by);
        }
    }
}

/// How long each key took from the input thread's read to its frame on
/// the terminal, in milliseconds, a line a frame that answered keys (timed
/// from the oldest of them), appended to the file `SHENHE_KEY_TIMES` names
/// (the desk benchmark asks for it, to tell the desk's own delay from the
/// terminal's and the measurement's). Created private when absent, never
/// opened through a link; without the variable nothing is written.
struct KeyTimes(Option<std::fs::File>);

impl KeyTimes {
    fn from_env() -> KeyTimes {
        let file = std::env::var_os("SHENHE_KEY_TIMES")
            .and_then(|p| crate::safe_fs::open_append(std::path::Path::new(&p), 0o600).ok());
        KeyTimes(file)
    }

    fn note(&mut self, took: Duration) {
        if let Some(file) = self.0.as_mut() {
            use std::io::Write;
            let _ = writeln!(file, "{:.3}", took.as_secs_f64() * 1e3);
        }
    }
}

/// How many files a loader's worker reads before it hands them on.
const LOAD_CHUNK: usize = 32;

/// How long files read wait to go into the list together.
const LOAD_EVERY: Duration = Duration::from_millis(100);

/// The most files that go into the list in one turn of the loop: 1,000
/// beside 99,000 take it ~3 ms; the 3,000-odd a big folder reads in
/// LOAD_EVERY took 15–30 ms at once, a key's wait.
const LOAD_SLICE: usize = 1_000;

/// How long a search goes on before the loop looks for keys again (a key
/// waits for this at most; 8 ms, half a frame, left keys a median of 9 ms
/// from read to frame while a big folder loaded).
const SEARCH_BUDGET: Duration = Duration::from_millis(2);

fn handle(
    one: One,
    desk: &mut Desk,
    keys: &[keymap::Binding],
    mouse: bool,
    screen: ratatui::layout::Rect,
) {
    match one {
        One::Found(n) => desk.event(Event::Found(n)),
        One::Finished => desk.event(Event::Finished),
        One::InputClosed => desk.command(Command::Exit),
        One::Desk(events) => events.into_iter().for_each(|e| desk.event(e)),
        One::Term(TermEvent::Resize(width, height)) => desk.event(Event::Resize {
            rows: render::page_rows(height),
            cols: usize::from(width),
        }),
        One::Term(TermEvent::Key(k)) if k.kind != KeyEventKind::Release => {
            if let Some(command) = keymap::command_for(keys, desk, &k) {
                desk.command(command);
            }
        }
        // A paste is one event (bracketed paste). The editor takes it whole
        // (it sanitises); the filter line only its printable characters.
        One::Term(TermEvent::Paste(text)) if desk.editor().is_some() => {
            desk.command(Command::Type(EditKey::Paste(text)))
        }
        One::Term(TermEvent::Paste(text)) if desk.typing() => {
            for c in text
                .chars()
                .filter(|c| !c.is_control() && !crate::sanitize::is_unsafe_char(*c))
            {
                desk.command(Command::FilterChar(c));
            }
        }
        One::Term(TermEvent::Mouse(m)) if mouse => match m.kind {
            MouseEventKind::ScrollDown => desk.command(Command::Down),
            MouseEventKind::ScrollUp => desk.command(Command::Up),
            MouseEventKind::Down(MouseButton::Left) => {
                if let Some(row) = render::list_row_at(desk, screen, m.column, m.row) {
                    desk.command(Command::Select(row));
                }
            }
            _ => {}
        },
        One::Term(_) => {}
    }
}
