//! The folder `serve` builds into when not told where: `kertomus-serve-<pid>-<port>` in the
//! temporary folder, private to the user (mode 700: nobody else on the machine reads the work
//! in progress or puts anything into it), with the site in `site/` inside it so that the build's
//! staging folder, made beside the site, is private too. It is removed when the server stops
//! (the command removes it on SIGINT and SIGTERM); folders left by earlier runs that died
//! without removing theirs are removed when the next one starts.

use crate::base::error::Error;
use std::path::{Path, PathBuf};

const PREFIX: &str = "kertomus-serve-";

/// The private folder of this run, and the site folder inside it.
pub(super) fn create(port: u16) -> Result<(PathBuf, PathBuf), Error> {
    let temp = std::env::temp_dir();
    remove_stale(&temp);
    let folder = temp.join(format!("{PREFIX}{}-{port}", std::process::id()));
    if folder.exists() {
        // Left by an earlier process that had this process's number.
        std::fs::remove_dir_all(&folder).map_err(Error::io(&folder))?;
    }
    let mut builder = std::fs::DirBuilder::new();
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(&folder).map_err(Error::io(&folder))?;
    let site = folder.join("site");
    Ok((folder, site))
}

/// Removes the serve folders in `temp` whose process has ended (of this user only).
fn remove_stale(temp: &Path) {
    let Ok(entries) = std::fs::read_dir(temp) else {
        return;
    };
    for entry in entries.flatten() {
        let name = entry.file_name();
        let Some(pid) = name
            .to_str()
            .and_then(|n| n.strip_prefix(PREFIX))
            .and_then(|rest| rest.split_once('-'))
            .and_then(|(pid, port)| port.parse::<u16>().ok().and(pid.parse::<u32>().ok()))
        else {
            continue;
        };
        let path = entry.path();
        if pid != std::process::id() && !alive(pid) && owned(&path) {
            let _ = std::fs::remove_dir_all(&path);
        }
    }
}

/// Whether process `pid` runs (or may run: when unsure, the folder is kept).
fn alive(pid: u32) -> bool {
    #[cfg(unix)]
    {
        let Some(pid) = i32::try_from(pid)
            .ok()
            .and_then(rustix::process::Pid::from_raw)
        else {
            return true;
        };
        // Signal 0 only asks: "no such process" is the one answer that means it has ended.
        !matches!(
            rustix::process::test_kill_process(pid),
            Err(rustix::io::Errno::SRCH)
        )
    }
    #[cfg(not(unix))]
    {
        let _ = pid;
        true
    }
}

/// Whether `path` (not following a link) is a folder of this user.
fn owned(path: &Path) -> bool {
    let Ok(meta) = std::fs::symlink_metadata(path) else {
        return false;
    };
    #[cfg(unix)]
    {
        use std::os::unix::fs::MetadataExt;
        meta.is_dir() && meta.uid() == rustix::process::getuid().as_raw()
    }
    #[cfg(not(unix))]
    {
        meta.is_dir()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folders_of_ended_processes_are_stale_and_others_are_not() {
        let temp = tempfile::tempdir().unwrap();
        // A process number no system gives (above the largest pid_max), one that runs (this
        // one), and names that are not serve folders.
        let names = [
            "kertomus-serve-2147483646-1111",
            &format!("kertomus-serve-{}-1111", std::process::id()),
            "kertomus-serve-x-1111",
            "kertomus-serve-2147483646",
            "muu-2147483646-1111",
        ];
        for n in names {
            std::fs::create_dir(temp.path().join(n)).unwrap();
        }
        remove_stale(temp.path());
        let left: Vec<bool> = names.iter().map(|n| temp.path().join(n).exists()).collect();
        assert_eq!(left, [false, true, true, true, true]);
    }
}
