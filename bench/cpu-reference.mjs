// A fixed single-threaded JavaScript workload (maps of strings, objects made and sorted), timed in
// this process and printed in milliseconds. bench/run.mjs runs it in new processes at the start and
// before the preview, and writes the time next to the load average: this shared machine's speed
// moves by a third within minutes, and this says how fast it was while the numbers were taken.
const start = performance.now();
const map = new Map();
for (let i = 0; i < 1_000_000; i++) map.set(`k${i % 50_000}`, i);
let sum = 0;
for (let round = 0; round < 10; round++) {
    const list = [];
    for (let i = 0; i < 100_000; i++) list.push({ x: (i * 7919) % 100_003, y: String(i) });
    list.sort((a, b) => a.x - b.x);
    sum += list[0].x + list.length;
}
if (sum < 0 || map.size !== 50_000) throw new Error('unreachable');
console.log((performance.now() - start).toFixed(0));
