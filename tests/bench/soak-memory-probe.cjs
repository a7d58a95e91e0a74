// Bench-only preload for the soak (soak-bench.ts): the host child is started as
//   node --expose-gc --require tests/bench/soak-memory-probe.cjs dist/host/main.cjs …
// with an IPC channel. On the message 'soak:memory' it forces two full collections and answers with
// process.memoryUsage(), so the bench reads the memory the host retains, not RSS (which swings by
// megabytes with V8's young generation and freed request bodies glibc keeps). The app is unchanged.
'use strict';

// getBuiltinModule (Node 22.3+), not require(): the lint forbids require() imports, .cjs included.
const { isMainThread } = process.getBuiltinModule('node:worker_threads');

function listen() {
  if (typeof global.gc !== 'function') throw new Error('soak-memory-probe.cjs needs node --expose-gc');
  if (typeof process.send !== 'function') throw new Error('soak-memory-probe.cjs needs an IPC channel (spawn stdio "ipc")');
  process.on('message', (message) => {
    if (message !== 'soak:memory') return;
    global.gc();
    // The first collection queues weak callbacks and finalizers (e.g. of freed Buffers); let them
    // run, then collect what they released.
    setImmediate(() => {
      global.gc();
      const { heapUsed, external, arrayBuffers, rss } = process.memoryUsage();
      process.send({ type: 'soak:memory', heapUsed, external, arrayBuffers, rss });
    });
  });
  // Listening must not keep the host alive: it still exits only as it would without the probe.
  process.channel.unref();
}

// Worker threads inherit the host's execArgv, --require included: the probe is for the main thread.
if (isMainThread) listen();
