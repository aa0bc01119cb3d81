/**
 * A one-line progress counter on a terminal's stderr ("reading 1200/2225 files"), silent when stderr
 * is not a terminal (logs and CI stay clean).
 */

/** Reports progress; call `done()` to clear the line. */
export interface Progress {
  update(done: number, total: number): void;
  done(): void;
}

/**
 * Creates a progress reporter.
 * @param label - what is being counted ("files")
 * @param stream - where to draw; drawing happens only when it is a TTY
 */
export function createProgress(label: string, stream: NodeJS.WriteStream = process.stderr): Progress {
  const enabled = Boolean(stream.isTTY);
  let last = 0;
  let drawn = false;
  return {
    update(done, total) {
      if (!enabled || total < 50) return;
      const now = Date.now();
      if (done !== total && now - last < 100) return;
      last = now;
      drawn = true;
      const pct = Math.floor((done / total) * 100);
      stream.write(`\r${label} ${done}/${total} (${pct}%)`);
    },
    done() {
      if (enabled && drawn) stream.write('\r\x1b[K');
    },
  };
}
