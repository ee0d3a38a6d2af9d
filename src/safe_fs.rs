//! The one place files of the shared folder are opened and replaced.
//!
//! The folder is writable by a whole group and its files come from outside
//! the bureau, so any name in it may be a planted link (to a colleague's
//! `~/.bashrc`), a FIFO that blocks a reader for ever, a socket, a device
//! or a folder. Here:
//!
//! - a file is opened without following a link at its last component
//!   (`O_NOFOLLOW`) and without blocking (`O_NONBLOCK`, `O_NOCTTY`), and
//!   what was opened is checked *on the descriptor* to be a regular file;
//! - a journal is created only with `O_CREAT|O_EXCL`, and its mode is set
//!   on the descriptor, never by path;
//! - a file is replaced only by renaming over it a temporary file made with
//!   `O_EXCL` under an unpredictable name in the same folder, and only when
//!   what stands there is a regular file or nothing.

use std::fs::{File, Metadata, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};

/// What a name in the folder is, when it is not a regular file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kind {
    Directory,
    Fifo,
    Socket,
    Device,
    Other,
}

/// Why a file was not opened.
#[derive(Debug)]
pub enum OpenError {
    /// A symbolic link, which is never followed.
    Link,
    /// Not a regular file.
    NotRegular(Kind),
    /// The operating system's own reason.
    Io(io::Error),
}

impl From<io::Error> for OpenError {
    fn from(e: io::Error) -> OpenError {
        OpenError::Io(e)
    }
}

impl From<OpenError> for io::Error {
    fn from(r: OpenError) -> io::Error {
        match r {
            OpenError::Io(e) => e,
            other => io::Error::other(other.to_string()),
        }
    }
}

impl std::fmt::Display for OpenError {
    /// For logs and tests; what users see is worded by `i18n`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            OpenError::Link => f.write_str("a symbolic link"),
            OpenError::NotRegular(k) => write!(f, "not a regular file ({k:?})"),
            OpenError::Io(e) => write!(f, "{e}"),
        }
    }
}

fn kind_of(m: &Metadata) -> Option<Kind> {
    let t = m.file_type();
    if t.is_file() {
        return None;
    }
    if t.is_dir() {
        return Some(Kind::Directory);
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some(Kind::Fifo);
        }
        if t.is_socket() {
            return Some(Kind::Socket);
        }
        if t.is_char_device() || t.is_block_device() {
            return Some(Kind::Device);
        }
    }
    Some(Kind::Other)
}

/// What stands at `path`, by its own entry (a link is not followed):
/// `Ok(None)` for nothing at all, `Ok(Some(len))` for a regular file.
pub fn regular_or_absent(path: &Path) -> Result<Option<u64>, OpenError> {
    match std::fs::symlink_metadata(path) {
        Ok(m) if m.file_type().is_symlink() => Err(OpenError::Link),
        Ok(m) => match kind_of(&m) {
            None => Ok(Some(m.len())),
            Some(k) => Err(OpenError::NotRegular(k)),
        },
        Err(e) if e.kind() == io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(OpenError::Io(e)),
    }
}

/// A failed open, explained: a link or a special file says so; anything
/// else keeps the system's words.
fn explain(path: &Path, e: io::Error) -> OpenError {
    // Nothing at the name (a dangling link gives ELOOP, not this): no
    // second look needed — the usual case for a journal not written yet.
    if e.kind() == io::ErrorKind::NotFound {
        return OpenError::Io(e);
    }
    match regular_or_absent(path) {
        Err(refused @ (OpenError::Link | OpenError::NotRegular(_))) => refused,
        _ => OpenError::Io(e),
    }
}

/// Flags for every open here: no link followed, no blocking on a FIFO, no
/// terminal taken as the controlling one.
fn guarded(options: &mut OpenOptions) -> &mut OpenOptions {
    #[cfg(unix)]
    {
        use nix::libc;
        use std::os::unix::fs::OpenOptionsExt;
        options.custom_flags(libc::O_NOFOLLOW | libc::O_NONBLOCK | libc::O_NOCTTY);
    }
    options
}

/// The opened file, if it is a regular one; its length.
fn checked(file: File) -> Result<(File, u64), OpenError> {
    let m = file.metadata()?;
    match kind_of(&m) {
        None => Ok((file, m.len())),
        Some(k) => Err(OpenError::NotRegular(k)),
    }
}

/// Opens a regular file of the folder for reading; its length from the
/// descriptor.
pub fn open_read(path: &Path) -> Result<(File, u64), OpenError> {
    let file = guarded(OpenOptions::new().read(true))
        .open(path)
        .map_err(|e| explain(path, e))?;
    checked(file)
}

/// Opens a file for appending (and reading its end), creating it with
/// `mode` when it is not there. Another writer may create it between our
/// two tries: then it is opened as theirs. A link, a FIFO or a folder in
/// its place is refused and nothing is written or created anywhere.
pub fn open_append(path: &Path, mode: u32) -> Result<File, OpenError> {
    // A few rounds at most: a name that keeps appearing and vanishing is
    // somebody's game, and the last error says what happened.
    let mut last = io::Error::from(io::ErrorKind::NotFound);
    for _ in 0..8 {
        match guarded(OpenOptions::new().read(true).append(true)).open(path) {
            Ok(file) => return checked(file).map(|(f, _)| f),
            Err(e) if e.kind() == io::ErrorKind::NotFound => {}
            Err(e) => return Err(explain(path, e)),
        }
        let mut create = OpenOptions::new();
        create.read(true).append(true).create_new(true);
        #[cfg(unix)]
        {
            use std::os::unix::fs::OpenOptionsExt;
            create.mode(mode);
        }
        match guarded(&mut create).open(path) {
            Ok(file) => {
                set_mode(&file, mode)?;
                return checked(file).map(|(f, _)| f);
            }
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => last = e,
            Err(e) => return Err(explain(path, e)),
        }
    }
    Err(OpenError::Io(last))
}

/// Sets a file's mode on its descriptor (`fchmod`): the umask cannot take
/// the group's bits away, and no link swapped in meanwhile is changed.
pub fn set_mode(file: &File, mode: u32) -> io::Result<()> {
    #[cfg(unix)]
    {
        use std::os::unix::fs::PermissionsExt;
        file.set_permissions(std::fs::Permissions::from_mode(mode))
    }
    #[cfg(not(unix))]
    {
        let _ = (file, mode);
        Ok(())
    }
}

/// The folder a file is written in (`.` for a bare name).
fn folder_of(target: &Path) -> &Path {
    match target.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    }
}

/// The temporary files this process has staged and not yet put in place
/// or removed: what a signal's handler removes before the process ends.
static STAGED: std::sync::Mutex<Vec<PathBuf>> = std::sync::Mutex::new(Vec::new());

fn staged_list() -> std::sync::MutexGuard<'static, Vec<PathBuf>> {
    STAGED
        .lock()
        .unwrap_or_else(std::sync::PoisonError::into_inner)
}

/// A staged temporary file: listed in [`STAGED`] while it lives, locked
/// (`flock`) so another run can tell it is not stale, removed when dropped.
struct Staged(Option<tempfile::NamedTempFile>);

impl Drop for Staged {
    fn drop(&mut self) {
        if let Some(tmp) = &self.0 {
            staged_list().retain(|p| p != tmp.path());
        }
    }
}

/// The prefix and suffix of every temporary file shenhe stages.
const PARTIAL_PREFIX: &str = ".shenhe-";
const PARTIAL_SUFFIX: &str = ".partial";

/// `bytes` written and synced to a temporary file made with `O_EXCL`
/// under a name nobody can predict in `target`'s folder, `mode` set on its
/// descriptor — only if the target is a regular file or absent.
fn stage(target: &Path, bytes: &[u8], mode: u32) -> Result<Staged, OpenError> {
    regular_or_absent(target)?;
    // Made and listed under the list's lock: a signal's handler, which
    // holds it to the end, never misses a file made meanwhile.
    let mut list = staged_list();
    let tmp = tempfile::Builder::new()
        .prefix(PARTIAL_PREFIX)
        .suffix(PARTIAL_SUFFIX)
        .tempfile_in(folder_of(target))?;
    list.push(tmp.path().to_path_buf());
    drop(list);
    let mut staged = Staged(Some(tmp));
    let Some(tmp) = staged.0.as_mut() else {
        return Err(OpenError::Io(io::ErrorKind::NotFound.into()));
    };
    // Held until the file is renamed or removed; a process that is
    // killed lets go of it, which is how a later run knows it is stale.
    tmp.as_file().lock()?;
    set_mode(tmp.as_file(), mode)?;
    tmp.write_all(bytes)?;
    tmp.as_file().sync_all()?;
    Ok(staged)
}

/// Renames a staged file over `target`, looked at again just before: the
/// rename itself never follows a link (it replaces the name, not what a
/// name points at).
fn put_in_place(mut staged: Staged, target: &Path) -> Result<(), OpenError> {
    regular_or_absent(target)?;
    let Some(tmp) = staged.0.take() else {
        return Err(OpenError::Io(io::ErrorKind::NotFound.into()));
    };
    let path = tmp.path().to_path_buf();
    let result = tmp
        .persist(target)
        .map(drop)
        .map_err(|e| OpenError::Io(e.error));
    staged_list().retain(|p| *p != path);
    result
}

/// Ends the process with `code` after removing every temporary file it
/// has staged and not put in place: for a signal, after which no
/// destructor runs. The list stays locked until the end, so no file is
/// staged after the last is removed.
pub fn exit_removing_staged(code: i32) -> ! {
    let mut list = staged_list();
    for path in list.drain(..) {
        let _ = std::fs::remove_file(path);
    }
    std::process::exit(code)
}

/// Removes the temporary files of earlier runs that were killed before
/// they could (SIGKILL, a power cut) from `folder`: `.shenhe-*.partial`
/// regular files owned by this user that no live process holds locked.
/// Another user's, a live export's, a link or anything else is left alone.
pub fn remove_stale_partials(folder: &Path) {
    let Ok(entries) = std::fs::read_dir(folder) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(name) = name.to_str() else { continue };
        if !(name.starts_with(PARTIAL_PREFIX) && name.ends_with(PARTIAL_SUFFIX)) {
            continue;
        }
        let path = entry.path();
        let Ok((file, _)) = open_read(&path) else {
            continue;
        };
        if is_own(&file) && file.try_lock().is_ok() {
            let _ = std::fs::remove_file(&path);
        }
    }
}

/// Is this open file owned by the user this process runs as?
fn is_own(file: &File) -> bool {
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        file.metadata()
            .is_ok_and(|m| m.uid() == nix::unistd::geteuid().as_raw())
    }
    #[cfg(not(unix))]
    {
        let _ = file;
        false
    }
}

fn sync_folder(target: &Path) {
    if let Ok(dir) = File::open(folder_of(target)) {
        let _ = dir.sync_all();
    }
}

/// Writes `bytes` as the whole of `target`, or changes nothing: a
/// temporary file made with `O_EXCL` under a name nobody can predict in the
/// target's folder, given `mode` on its descriptor, synced, then renamed
/// over the target — only if the target is a regular file or absent (a
/// device, a FIFO, a link or a folder there is refused).
pub fn replace(target: &Path, bytes: &[u8], mode: u32) -> Result<(), OpenError> {
    remove_stale_partials(folder_of(target));
    put_in_place(stage(target, bytes, mode)?, target)?;
    sync_folder(target);
    Ok(())
}

/// Writes several files whole, or none of them: every one is first
/// written to a temporary file beside its target (as [`replace`] does),
/// and only when all are written and synced are they renamed into place.
/// A refusal names the target it was about.
pub fn replace_all(files: &[(PathBuf, Vec<u8>)], mode: u32) -> Result<(), (PathBuf, OpenError)> {
    let mut folders: Vec<&Path> = files.iter().map(|(t, _)| folder_of(t)).collect();
    folders.sort();
    folders.dedup();
    folders.into_iter().for_each(remove_stale_partials);
    let mut staged = Vec::with_capacity(files.len());
    for (target, bytes) in files {
        let tmp = stage(target, bytes, mode).map_err(|e| (target.clone(), e))?;
        staged.push((target, tmp));
    }
    for (target, tmp) in staged {
        put_in_place(tmp, target).map_err(|e| (target.clone(), e))?;
    }
    if let Some((first, _)) = files.first() {
        sync_folder(first);
    }
    Ok(())
}

/// A folder to write into: made (with `mode`) when absent; a link or
/// anything but a folder in its place is refused.
pub fn folder_for_writing(path: &Path, mode: u32) -> Result<(), OpenError> {
    match path.symlink_metadata() {
        Ok(m) if m.file_type().is_symlink() => Err(OpenError::Link),
        Ok(m) if m.is_dir() => Ok(()),
        Ok(m) => Err(OpenError::NotRegular(kind_of(&m).unwrap_or(Kind::Other))),
        Err(e) if e.kind() == io::ErrorKind::NotFound => {
            #[cfg(unix)]
            {
                use std::os::unix::fs::DirBuilderExt;
                std::fs::DirBuilder::new().mode(mode).create(path)?;
            }
            #[cfg(not(unix))]
            {
                let _ = mode;
                std::fs::create_dir(path)?;
            }
            Ok(())
        }
        Err(e) => Err(e.into()),
    }
}

/// What the reviewer exports is theirs and their group's; never for
/// everyone.
pub const EXPORT_MODE: u32 = 0o640;
/// A folder an export makes: the reviewer's and the group's.
pub const EXPORT_FOLDER_MODE: u32 = 0o750;

/// Files the reviewer asked for, written into `folder` (made when absent,
/// never through a link) all or none, with [`EXPORT_MODE`].
pub fn write_all_into(
    folder: &Path,
    files: &[(PathBuf, Vec<u8>)],
) -> Result<(), (PathBuf, OpenError)> {
    folder_for_writing(folder, EXPORT_FOLDER_MODE).map_err(|e| (folder.to_path_buf(), e))?;
    replace_all(files, EXPORT_MODE)
}

impl std::error::Error for OpenError {}

#[cfg(test)]
#[cfg(unix)]
mod tests {
    use super::*;
    use std::os::unix::fs::{PermissionsExt, symlink};

    fn mkfifo(path: &Path) {
        nix::unistd::mkfifo(path, nix::sys::stat::Mode::S_IRWXU).expect("mkfifo");
    }

    #[test]
    fn links_fifos_and_folders_are_refused_without_blocking() {
        let dir = tempfile::tempdir().unwrap();
        let p = |n: &str| dir.path().join(n);
        std::fs::write(p("real.json"), "{}").unwrap();
        symlink(p("real.json"), p("link.json")).unwrap();
        symlink(p("nowhere"), p("dangling.json")).unwrap();
        symlink(p("loop.json"), p("loop.json")).unwrap();
        mkfifo(&p("fifo.json"));
        std::fs::create_dir(p("dir.json")).unwrap();
        assert_eq!(open_read(&p("real.json")).unwrap().1, 2);
        for n in ["link.json", "dangling.json", "loop.json"] {
            assert!(matches!(open_read(&p(n)), Err(OpenError::Link)), "{n}");
        }
        assert!(matches!(
            open_read(&p("fifo.json")),
            Err(OpenError::NotRegular(Kind::Fifo))
        ));
        assert!(matches!(
            open_read(&p("dir.json")),
            Err(OpenError::NotRegular(Kind::Directory))
        ));
        let socket = std::os::unix::net::UnixListener::bind(p("sock.json")).unwrap();
        assert!(matches!(
            open_read(&p("sock.json")),
            Err(OpenError::NotRegular(Kind::Socket))
        ));
        drop(socket);
        assert!(matches!(
            open_read(&p("absent.json")),
            Err(OpenError::Io(_))
        ));
    }

    #[test]
    fn appending_never_follows_a_link_nor_creates_its_target() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "secret\n").unwrap();
        let link = dir.path().join("a.review.jsonl");
        symlink(&victim, &link).unwrap();
        assert!(matches!(open_append(&link, 0o660), Err(OpenError::Link)));
        std::fs::remove_file(&link).unwrap();
        let target = dir.path().join("not-yet");
        symlink(&target, &link).unwrap();
        assert!(matches!(open_append(&link, 0o660), Err(OpenError::Link)));
        assert!(!target.exists(), "a dangling link's target is not created");
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "secret\n");
    }

    #[test]
    fn a_new_file_gets_its_mode_on_the_descriptor() {
        // (The umask is the process's: tests/hostile.rs runs the binary
        // under umask 077 rather than change it under the other tests.)
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("a.review.jsonl");
        open_append(&path, 0o660).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o660);
        // An existing file keeps the mode it has.
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o640)).unwrap();
        open_append(&path, 0o660).unwrap();
        let mode = std::fs::metadata(&path).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
    }

    #[test]
    fn replacing_refuses_links_devices_and_folders_and_leaves_no_litter() {
        let dir = tempfile::tempdir().unwrap();
        let victim = dir.path().join("victim");
        std::fs::write(&victim, "keep").unwrap();
        let out = dir.path().join("notice.md");
        symlink(&victim, &out).unwrap();
        assert!(matches!(replace(&out, b"x", 0o640), Err(OpenError::Link)));
        assert!(matches!(
            replace(Path::new("/dev/null"), b"x", 0o640),
            Err(OpenError::NotRegular(Kind::Device))
        ));
        assert!(matches!(
            replace(dir.path(), b"x", 0o640),
            Err(OpenError::NotRegular(Kind::Directory))
        ));
        assert_eq!(std::fs::read_to_string(&victim).unwrap(), "keep");
        std::fs::remove_file(&out).unwrap();
        replace(&out, "意见".as_bytes(), 0o640).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "意见");
        let mode = std::fs::metadata(&out).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640);
        replace(&out, b"again", 0o640).unwrap();
        assert_eq!(std::fs::read_to_string(&out).unwrap(), "again");
        let names: Vec<_> = std::fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names.len(), 2, "no temporary file left: {names:?}");
    }

    #[test]
    fn several_files_are_written_all_or_none() {
        let dir = tempfile::tempdir().unwrap();
        let p = |n: &str| dir.path().join(n);
        std::fs::write(p("real"), "keep").unwrap();
        symlink(p("real"), p("b.docx")).unwrap();
        let files = vec![(p("a.docx"), b"a".to_vec()), (p("b.docx"), b"b".to_vec())];
        let (at, why) = replace_all(&files, 0o640).unwrap_err();
        assert_eq!(at, p("b.docx"));
        assert!(matches!(why, OpenError::Link));
        assert!(!p("a.docx").exists(), "the first is not written either");
        assert_eq!(std::fs::read_to_string(p("real")).unwrap(), "keep");
        assert_eq!(
            std::fs::read_dir(dir.path()).unwrap().count(),
            2,
            "no temporary left"
        );
        std::fs::remove_file(p("b.docx")).unwrap();
        replace_all(&files, 0o640).unwrap();
        assert_eq!(std::fs::read(p("b.docx")).unwrap(), b"b");
        let mode = std::fs::metadata(p("a.docx")).unwrap().permissions().mode() & 0o777;
        assert_eq!(mode, 0o640, "never world-readable");
        std::os::unix::fs::symlink(p("real"), p("folder")).unwrap();
        assert!(matches!(
            folder_for_writing(&p("folder"), 0o750),
            Err(OpenError::Link)
        ));
        folder_for_writing(&p("made"), 0o750).unwrap();
        assert!(p("made").is_dir());
    }
}
