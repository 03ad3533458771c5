const { startEmbeddedPostgres } = require('/work/wt-dashboard/dist/lib/db');
(async () => {
  const s = await startEmbeddedPostgres({ dir: '/work/wt-dashboard/bench/.data/postgres', port: 55432 });
  console.log('up', s.url);
  process.on('SIGTERM', async () => { await s.stop(); process.exit(0); });
  setInterval(() => {}, 1 << 30);
})();
