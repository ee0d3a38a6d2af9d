//! A command started in a new pseudo-terminal: shared by the pty tests and
//! the desk benchmark (`#[path]`-included by both).

use portable_pty::{CommandBuilder, MasterPty, PtySize, native_pty_system};

/// The process, as the pty crate gives it.
pub type Child = Box<dyn portable_pty::Child + Send + Sync>;

/// `cmd` started in a new pseudo-terminal of `rows` × `cols`: the
/// terminal's master end (the caller keeps it while the child runs) and
/// the child. The slave end is closed here, so the master reads end when
/// the child does.
pub fn spawn(cmd: CommandBuilder, rows: u16, cols: u16) -> (Box<dyn MasterPty + Send>, Child) {
    let pty = native_pty_system()
        .openpty(PtySize {
            rows,
            cols,
            pixel_width: 0,
            pixel_height: 0,
        })
        .expect("a pseudo-terminal");
    let child = pty.slave.spawn_command(cmd).expect("the binary starts");
    drop(pty.slave);
    (pty.master, child)
}
