//! The persistent CPython 3.12 compile server: one child process, started on
//! first use and reused for every compilation, speaking the length-prefixed
//! protocol described at the top of `server.py`.
//!
//! Invariant: `SERVER` holds either nothing or a child that has completed the
//! hello handshake and is waiting for a request (every request is followed by
//! reading its whole reply while the lock is held). A child that fails is
//! dropped (killed and reaped) and replaced once per request.

use super::find::find_python312;
use super::CompileError;
use std::io::{BufReader, BufWriter, Read, Write};
use std::os::unix::process::CommandExt;
use std::process::{Child, ChildStdin, ChildStdout, Command, Stdio};
use std::sync::Mutex;

const SERVER_SOURCE: &str = include_str!("server.py");

/// Replies with more fields than this are treated as protocol errors.
const MAX_FIELDS: usize = 1 << 20;

struct Server {
    child: Child,
    stdin: BufWriter<ChildStdin>,
    stdout: BufReader<ChildStdout>,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}

static SERVER: Mutex<Option<Server>> = Mutex::new(None);

fn write_message(w: &mut impl Write, fields: &[&[u8]]) -> std::io::Result<()> {
    w.write_all(&(fields.len() as u32).to_be_bytes())?;
    for f in fields {
        let len =
            u32::try_from(f.len()).map_err(|_| std::io::Error::other("field larger than 4 GiB"))?;
        w.write_all(&len.to_be_bytes())?;
        w.write_all(f)?;
    }
    w.flush()
}

fn read_u32(r: &mut impl Read) -> std::io::Result<u32> {
    let mut b = [0u8; 4];
    r.read_exact(&mut b)?;
    Ok(u32::from_be_bytes(b))
}

fn read_message(r: &mut impl Read) -> std::io::Result<Vec<Vec<u8>>> {
    let count = read_u32(r)? as usize;
    if count > MAX_FIELDS {
        return Err(std::io::Error::other("reply has too many fields"));
    }
    let mut fields = Vec::with_capacity(count.min(64));
    for _ in 0..count {
        let len = read_u32(r)? as u64;
        // Grows as data arrives, so a bogus length cannot allocate 4 GiB.
        let mut field = Vec::new();
        r.take(len).read_to_end(&mut field)?;
        if field.len() as u64 != len {
            return Err(std::io::ErrorKind::UnexpectedEof.into());
        }
        fields.push(field);
    }
    Ok(fields)
}

impl Server {
    fn start() -> Result<Server, CompileError> {
        let python = find_python312()?;
        let mut child = Command::new(&python)
            .args(["-I", "-S", "-X", "utf8", "-c", SERVER_SOURCE])
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            // Its own process group: a Ctrl-C meant for apython's program
            // must not kill the compiler.
            .process_group(0)
            .spawn()
            .map_err(|e| CompileError::Server(format!("cannot start {}: {e}", python.display())))?;
        let (Some(stdin), Some(stdout)) = (child.stdin.take(), child.stdout.take()) else {
            return Err(CompileError::Server("compile server has no pipes".into()));
        };
        let mut server = Server {
            child,
            stdin: BufWriter::new(stdin),
            stdout: BufReader::new(stdout),
        };
        let hello = read_message(&mut server.stdout).map_err(|e| {
            CompileError::Server(format!(
                "{} did not start the compile server: {e}",
                python.display()
            ))
        })?;
        if hello.len() != 2 || hello[0] != b"hello" || hello[1] != b"3.12" {
            return Err(CompileError::Server(format!(
                "{} answered the compile server handshake with {:?}",
                python.display(),
                hello
                    .iter()
                    .map(|f| String::from_utf8_lossy(f).into_owned())
                    .collect::<Vec<_>>()
            )));
        }
        Ok(server)
    }

    fn roundtrip(&mut self, fields: &[&[u8]]) -> std::io::Result<Vec<Vec<u8>>> {
        write_message(&mut self.stdin, fields)?;
        read_message(&mut self.stdout)
    }
}

/// Sends one request to the compile server (starting it if needed) and
/// returns the reply's fields. If the server died, it is restarted and the
/// request retried once.
pub(crate) fn request(fields: &[&[u8]]) -> Result<Vec<Vec<u8>>, CompileError> {
    let mut guard = SERVER.lock().unwrap_or_else(|p| p.into_inner());
    let mut last_error = String::new();
    for _ in 0..2 {
        if guard.is_none() {
            *guard = Some(Server::start()?);
        }
        let Some(server) = guard.as_mut() else {
            continue;
        };
        match server.roundtrip(fields) {
            Ok(reply) => return Ok(reply),
            Err(e) => {
                last_error = e.to_string();
                *guard = None;
            }
        }
    }
    Err(CompileError::Server(format!(
        "the compile server failed: {last_error}"
    )))
}

/// Stops the compile server process if one is running (it is restarted on
/// the next compilation). Also happens implicitly at exit: the server quits
/// when its stdin closes.
pub fn stop_server() {
    let mut guard = SERVER.lock().unwrap_or_else(|p| p.into_inner());
    *guard = None;
}

/// Process id of the running compile server, if any (for tests and
/// diagnostics).
pub fn server_pid() -> Option<u32> {
    let guard = SERVER.lock().unwrap_or_else(|p| p.into_inner());
    guard.as_ref().map(|s| s.child.id())
}
