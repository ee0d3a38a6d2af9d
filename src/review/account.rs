//! Accounts as the operating system knows them: who runs this process,
//! and who owns a file. Authorship rests on these, never on what a record
//! says of itself: each account writes only its own journal file, and a
//! record's author is the owner of the file it came from.

use std::collections::HashMap;
use std::sync::Mutex;

/// An account: its user id and its login name from the system's user
/// database (NSS, so LDAP accounts too), or `uid N` when it has none.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Account {
    pub uid: u32,
    pub login: String,
}

/// Logins already looked up: a folder of thousands of journals has a
/// handful of owners, and NSS may ask a directory server each time.
static LOGINS: Mutex<Option<HashMap<u32, String>>> = Mutex::new(None);

impl Account {
    /// The account this process runs as (its effective user id: the one
    /// that owns what it creates).
    pub fn current() -> Account {
        #[cfg(unix)]
        {
            Account::of_uid(nix::unistd::geteuid().as_raw())
        }
        #[cfg(not(unix))]
        {
            Account {
                uid: 0,
                login: String::new(),
            }
        }
    }

    /// The account with this user id.
    pub fn of_uid(uid: u32) -> Account {
        let mut cache = LOGINS
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner);
        let login = cache
            .get_or_insert_with(HashMap::new)
            .entry(uid)
            .or_insert_with(|| lookup(uid))
            .clone();
        Account { uid, login }
    }

    /// The account that owns an open file.
    pub fn owner_of(file: &std::fs::File) -> Option<Account> {
        #[cfg(unix)]
        {
            use std::os::unix::fs::MetadataExt;
            file.metadata().ok().map(|m| Account::of_uid(m.uid()))
        }
        #[cfg(not(unix))]
        {
            let _ = file;
            None
        }
    }

    /// How this account's journals are named (`a.review.TAG.jsonl`): the
    /// login when it is a plain name, else `uid-N`. A name with a slash, a
    /// leading dot, white space or `.review.` in it never reaches a path.
    pub fn tag(&self) -> String {
        let plain = !self.login.is_empty()
            && !self.login.starts_with('.')
            && !self.login.contains(".review.")
            && self.login.len() <= 64
            && self
                .login
                .chars()
                .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '_' | '-' | '@'));
        match plain {
            true => self.login.clone(),
            false => format!("uid-{}", self.uid),
        }
    }
}

#[cfg(unix)]
fn lookup(uid: u32) -> String {
    match nix::unistd::User::from_uid(nix::unistd::Uid::from_raw(uid)) {
        Ok(Some(user)) => user.name,
        _ => format!("uid {uid}"),
    }
}

#[cfg(not(unix))]
fn lookup(uid: u32) -> String {
    format!("uid {uid}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_tag_is_the_login_or_the_uid() {
        let a = |login: &str| Account {
            uid: 1001,
            login: login.into(),
        };
        assert_eq!(a("zhang").tag(), "zhang");
        assert_eq!(a("zhang.san@bureau").tag(), "zhang.san@bureau");
        for odd in [
            "",
            "../x",
            ".hidden",
            "a b",
            "uid 1001",
            "x.review.y",
            "张三",
        ] {
            assert_eq!(a(odd).tag(), "uid-1001", "{odd:?}");
        }
    }

    #[test]
    fn root_is_root() {
        assert_eq!(Account::of_uid(0).login, "root");
    }
}
