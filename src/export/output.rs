//! One output set, switched at once: how `build` replaces the files of its
//! output folder so that a failure or a kill at any point leaves the old set
//! or the new set whole.
//!
//! 1. [`OutputDir::open`] checks `-o` (a folder, or creatable), takes a lock
//!    (`.newsgraph.lock`, an advisory `flock` that the kernel drops when the
//!    process dies), and under it finishes or removes what a killed run left.
//! 2. [`OutputDir::write_set`] writes every file into a temporary folder
//!    inside the output folder (`.newsgraph-tmp-<pid>/`), syncs them, writes
//!    the manifest `COMPLETE` last, then renames the files into place and
//!    removes the temporary folder.
//!
//! A run killed before `COMPLETE` exists left the old set untouched: the next
//! run deletes its temporary folder. A run killed while renaming left a
//! complete new set in its temporary folder: the next run finishes the
//! renames first. Files that cannot be replaced (a folder named `graph.dot`)
//! are found before the first rename, and a rename that fails anyway puts the
//! old files back. SIGINT and SIGTERM remove the temporary folder of a run
//! that has not begun to rename ([`cleanup_on_signal`]).

use crate::error::{Error, Result};
use std::fs::File;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::sync::Mutex;

/// The lock file that keeps two builds out of one folder.
pub const LOCK_FILE: &str = ".newsgraph.lock";
/// The prefix of the temporary folder of one build.
const TEMP_PREFIX: &str = ".newsgraph-tmp-";
/// Written last into the temporary folder: the names of the new set, one a line.
const MANIFEST: &str = "COMPLETE";

/// The temporary folder of the running build, while it may still be removed:
/// the one global of the crate, set and read only for signal cleanup.
static PENDING: Mutex<Option<PathBuf>> = Mutex::new(None);

/// Installs a handler that, on SIGINT or SIGTERM, removes the temporary
/// folder of a build that has not begun to rename, then exits with 130.
/// A build that is renaming finishes first (the handler waits for the lock it holds).
pub fn cleanup_on_signal() {
    // A second install (tests in one process) fails harmlessly.
    let _ = ctrlc::set_handler(|| {
        let pending = PENDING.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        if let Some(temp) = pending.as_ref() {
            let _ = std::fs::remove_dir_all(temp);
        }
        eprintln!("newsgraph: interrupted; the output folder keeps its previous files");
        std::process::exit(130);
    });
}

/// An output folder, locked for one build.
pub struct OutputDir {
    dir: PathBuf,
    /// Held (and `flock`ed) until the build ends.
    _lock: File,
}

impl OutputDir {
    /// Checks and creates `dir`, locks it, and cleans up after killed runs.
    pub fn open(dir: &Path) -> Result<OutputDir> {
        if dir.exists() && !dir.is_dir() {
            return Err(Error::Usage(format!("-o {}: not a directory", dir.display())));
        }
        let write_error = |path: &Path| {
            let path = path.to_path_buf();
            move |source| Error::Write { path, source }
        };
        std::fs::create_dir_all(dir).map_err(write_error(dir))?;
        let lock_path = dir.join(LOCK_FILE);
        let lock = File::options().create(true).truncate(false).write(true).open(&lock_path).map_err(write_error(&lock_path))?;
        if lock.try_lock().is_err() {
            return Err(Error::Usage(format!(
                "-o {}: another newsgraph build is writing into this folder; wait for it to finish",
                dir.display()
            )));
        }
        let output = OutputDir { dir: dir.to_path_buf(), _lock: lock };
        output.recover()?;
        Ok(output)
    }

    /// Finishes the switch of a killed run whose new set was complete, and
    /// removes every other temporary file or folder of earlier runs.
    fn recover(&self) -> Result<()> {
        let read_error = |source| Error::Read { path: self.dir.clone(), source };
        let mut stale: Vec<PathBuf> = std::fs::read_dir(&self.dir)
            .map_err(read_error)?
            .filter_map(|entry| entry.ok().map(|entry| entry.path()))
            .filter(|path| path.file_name().and_then(|n| n.to_str()).is_some_and(is_temporary_name))
            .collect();
        stale.sort();
        for path in stale {
            if path.is_dir() {
                if let Ok(manifest) = std::fs::read_to_string(path.join(MANIFEST)) {
                    let names: Vec<&str> = manifest.lines().filter(|name| path.join(name).is_file()).collect();
                    self.rename_into_place(&path, &names)?;
                }
                std::fs::remove_dir_all(&path).map_err(|source| Error::Write { path: path.clone(), source })?;
            } else {
                std::fs::remove_file(&path).map_err(|source| Error::Write { path: path.clone(), source })?;
            }
        }
        Ok(())
    }

    /// Writes `files` (name, contents) as one set: all in, or none.
    pub fn write_set(&self, files: &[(String, String)]) -> Result<Vec<PathBuf>> {
        for (name, _) in files {
            let target = self.dir.join(name);
            if target.is_dir() {
                return Err(Error::Usage(format!("{}: is a folder; cannot replace it with the new {name}", target.display())));
            }
        }
        let temp = self.dir.join(format!("{TEMP_PREFIX}{}", std::process::id()));
        *PENDING.lock().unwrap_or_else(|poisoned| poisoned.into_inner()) = Some(temp.clone());
        let written = self.write_temp(&temp, files);
        let mut pending = PENDING.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
        let result = written.and_then(|()| {
            let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
            self.rename_into_place(&temp, &names)
        });
        let _ = std::fs::remove_dir_all(&temp);
        *pending = None;
        result?;
        Ok(files.iter().map(|(name, _)| self.dir.join(name)).collect())
    }

    /// Every file, synced, then the manifest, synced: the set is whole on disk.
    fn write_temp(&self, temp: &Path, files: &[(String, String)]) -> Result<()> {
        let _ = std::fs::remove_dir_all(temp);
        std::fs::create_dir(temp).map_err(|source| Error::Write { path: temp.to_path_buf(), source })?;
        let names: Vec<&str> = files.iter().map(|(name, _)| name.as_str()).collect();
        let manifest = names.join("\n") + "\n";
        for (name, contents) in files.iter().map(|(n, c)| (n.as_str(), c.as_str())).chain([(MANIFEST, manifest.as_str())]) {
            // Errors name the file the user asked for, not the temporary one.
            let target = if name == MANIFEST { temp.join(name) } else { self.dir.join(name) };
            let write = || -> std::io::Result<()> {
                let mut file = File::create(temp.join(name))?;
                file.write_all(contents.as_bytes())?;
                file.sync_all()
            };
            write().map_err(|source| Error::Write { path: target, source })?;
        }
        Ok(())
    }

    /// Renames `names` from `temp` into the output folder; if one rename
    /// fails, the files renamed before it get their old contents back.
    fn rename_into_place(&self, temp: &Path, names: &[&str]) -> Result<()> {
        let backup = temp.join("old");
        std::fs::create_dir_all(&backup).map_err(|source| Error::Write { path: backup.clone(), source })?;
        let mut done: Vec<&str> = Vec::new();
        for &name in names {
            let target = self.dir.join(name);
            let had_old = target.is_file() && std::fs::hard_link(&target, backup.join(name)).is_ok();
            if let Err(source) = std::fs::rename(temp.join(name), &target) {
                for &undone in done.iter().rev() {
                    let old = backup.join(undone);
                    let _ = if old.exists() {
                        std::fs::rename(&old, self.dir.join(undone))
                    } else {
                        std::fs::remove_file(self.dir.join(undone))
                    };
                }
                return Err(Error::Write { path: target, source });
            }
            if !had_old {
                let _ = std::fs::remove_file(backup.join(name));
            }
            done.push(name);
        }
        Ok(())
    }
}

/// A temporary name of this module or of the single-file writes before it
/// (`.graph.json.tmp-<pid>`).
fn is_temporary_name(name: &str) -> bool {
    name.starts_with(TEMP_PREFIX) || (name.starts_with('.') && name.contains(".tmp-"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn files(contents: &str) -> Vec<(String, String)> {
        vec![("graph.json".into(), format!("{contents} json")), ("graph.dot".into(), format!("{contents} dot"))]
    }

    fn read(dir: &Path, name: &str) -> String {
        std::fs::read_to_string(dir.join(name)).unwrap()
    }

    #[test]
    fn second_set_replaces_the_first_whole() {
        let dir = tempfile::tempdir().unwrap();
        OutputDir::open(dir.path()).unwrap().write_set(&files("old")).unwrap();
        OutputDir::open(dir.path()).unwrap().write_set(&files("new")).unwrap();
        assert_eq!(read(dir.path(), "graph.json"), "new json");
        assert_eq!(read(dir.path(), "graph.dot"), "new dot");
        let mut names: Vec<String> =
            std::fs::read_dir(dir.path()).unwrap().map(|e| e.unwrap().file_name().into_string().unwrap()).collect();
        names.sort();
        assert_eq!(names, [LOCK_FILE, "graph.dot", "graph.json"]);
    }

    #[test]
    fn killed_before_the_manifest_keeps_the_old_set() {
        let dir = tempfile::tempdir().unwrap();
        OutputDir::open(dir.path()).unwrap().write_set(&files("old")).unwrap();
        let temp = dir.path().join(".newsgraph-tmp-99999");
        std::fs::create_dir(&temp).unwrap();
        std::fs::write(temp.join("graph.json"), "half").unwrap();
        std::fs::write(dir.path().join(".graph.json.tmp-4242"), "left by an old version").unwrap();
        OutputDir::open(dir.path()).unwrap();
        assert_eq!(read(dir.path(), "graph.json"), "old json");
        assert!(!temp.exists() && !dir.path().join(".graph.json.tmp-4242").exists());
    }

    #[test]
    fn killed_while_renaming_is_finished_at_next_start() {
        let dir = tempfile::tempdir().unwrap();
        OutputDir::open(dir.path()).unwrap().write_set(&files("old")).unwrap();
        // The manifest was written and graph.json was renamed; graph.dot was not.
        let temp = dir.path().join(".newsgraph-tmp-99999");
        std::fs::create_dir(&temp).unwrap();
        std::fs::write(dir.path().join("graph.json"), "new json").unwrap();
        std::fs::write(temp.join("graph.dot"), "new dot").unwrap();
        std::fs::write(temp.join(MANIFEST), "graph.json\ngraph.dot\n").unwrap();
        OutputDir::open(dir.path()).unwrap();
        assert_eq!(read(dir.path(), "graph.dot"), "new dot");
        assert!(!temp.exists());
    }

    #[test]
    fn a_locked_folder_refuses_a_second_build() {
        let dir = tempfile::tempdir().unwrap();
        let first = OutputDir::open(dir.path()).unwrap();
        let error = OutputDir::open(dir.path()).err().unwrap().to_string();
        assert!(error.contains("another newsgraph build is writing into this folder"), "{error}");
        drop(first);
        OutputDir::open(dir.path()).unwrap();
    }
}
