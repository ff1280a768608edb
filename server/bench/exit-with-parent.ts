/**
 * Preloaded into every process the bench starts (`--import`). The IPC channel
 * closes when the bench process dies, even by SIGKILL; then this process
 * stops too instead of lingering on its port. The channel is unref'd so a
 * one-shot script still exits when its work is done.
 */
if (process.channel) {
  process.channel.unref();
  process.once('disconnect', () => {
    // SIGTERM lets Kura run its own graceful shutdown; the timer is the backstop.
    setTimeout(() => process.exit(1), 3_000).unref();
    process.kill(process.pid, 'SIGTERM');
  });
}
