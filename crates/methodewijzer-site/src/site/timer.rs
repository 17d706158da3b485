//! Phase timings of a build, for finding slow steps (`METHODEWIJZER_TIMINGS=1`).

/// Phase timings on stderr when `METHODEWIJZER_TIMINGS` is set, for finding slow steps: wall
/// time, and the processor time of all threads where the system tells it (Linux), which
/// shows how well a phase uses the cores.
pub(super) struct Timer(Option<std::sync::Mutex<(std::time::Instant, Option<u64>)>>);

impl Timer {
    pub(super) fn new() -> Timer {
        Timer(
            std::env::var_os("METHODEWIJZER_TIMINGS")
                .map(|_| std::sync::Mutex::new((std::time::Instant::now(), cpu_ms()))),
        )
    }

    pub(super) fn lap(&self, what: &str) {
        if let Some(Ok(mut start)) = self.0.as_ref().map(|s| s.lock()) {
            let cpu = cpu_ms();
            let used = match (start.1, cpu) {
                (Some(before), Some(now)) => format!(" (cpu {:>6} ms)", now - before),
                _ => String::new(),
            };
            eprintln!("{what:>20}: {:>6} ms{used}", start.0.elapsed().as_millis());
            *start = (std::time::Instant::now(), cpu);
        }
    }
}

/// Processor time used so far by this process, all threads, from `/proc/self/stat` (user
/// and system time, fields 14 and 15, in ticks of normally 10 ms).
fn cpu_ms() -> Option<u64> {
    let stat = std::fs::read_to_string("/proc/self/stat").ok()?;
    // The command name may hold spaces; the fields after it do not.
    let fields: Vec<&str> = stat.rsplit_once(')')?.1.split_whitespace().collect();
    let ticks: u64 = fields.get(11)?.parse::<u64>().ok()? + fields.get(12)?.parse::<u64>().ok()?;
    Some(ticks * 10)
}
