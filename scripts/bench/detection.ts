import { readFileSync } from 'node:fs';
import { faker } from '@faker-js/faker';
import { builtinDetectors } from '../../detectors/index.js';
import { classifyField } from '../../src/engine/classify.js';
import type { FieldSample } from '../../src/engine/sampler.js';
import type { Location } from '../../src/types.js';

/** Linux: user + system time of the calling thread, from /proc (clock ticks of 10 ms). */
function mainThreadCpuSeconds(): number | undefined {
  try {
    const stat = readFileSync('/proc/thread-self/stat', 'utf8');
    // Fields after the command name (in parentheses, which may hold spaces): utime is the 12th, stime the 13th.
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Detection cost: values per second per core for the whole catalogue, on a mix of personal
 * values, look-alikes and plain data, classified field by field as a scan does.
 */
/**
 * Loads what the detectors load lazily (name and place gazetteers) by classifying a few small
 * fields, so that a measurement after it times detection and reading, not one-time loading.
 */
export function warmUpDetectors(): void {
  benchDetection({ fields: 18, valuesPerField: 20 });
}

export function benchDetection(options: { fields: number; valuesPerField: number }): {
  values: number;
  seconds: number;
  cpuSeconds: number;
  threadSeconds: number;
  valuesPerSecond: number;
  valuesPerCpuSecond: number;
  valuesPerThreadSecond: number;
} {
  faker.seed(42);
  const makers: (() => string)[] = [
    () => faker.internet.email(),
    () => faker.phone.number(),
    () => faker.person.fullName(),
    () => faker.person.firstName(),
    () => faker.location.streetAddress(),
    () => faker.location.city(),
    () => faker.location.zipCode(),
    () => faker.location.country(),
    () => faker.person.jobTitle(),
    () => faker.company.name(),
    () => faker.commerce.productName(),
    () => faker.commerce.price(),
    () => String(faker.number.int({ min: 1, max: 99_999_999 })),
    () => faker.date.past({ years: 30 }).toISOString(),
    () => faker.lorem.sentence(),
    () => faker.internet.ipv4(),
    () => faker.string.uuid(),
    () => faker.internet.username(),
  ];
  const samples: { location: Location; sample: FieldSample }[] = [];
  for (let f = 0; f < options.fields; f++) {
    const make = makers[f % makers.length] as () => string;
    const values = Array.from({ length: options.valuesPerField }, make);
    samples.push({
      location: { source: 'bench', sourceKind: 'sqlite', container: 'main.t', containerType: 'table', field: `col_${f}` },
      sample: { rows: values.length, values, binaryHeads: [] },
    });
  }
  const classify = { detectors: builtinDetectors, match: { defaultCountry: 'DK' }, minConfidence: 0.5, revealValues: false, maxExamples: 3 };
  const ctx = { name: 't', fieldNames: [], personContext: true };
  // Warm-up: lazy gazetteers load on first use; loading is not detection.
  for (const s of samples.slice(0, makers.length)) classifyField(s.location, 'text', s.sample, ctx, classify);
  // CPU time as well as wall time: on a shared machine, CPU time is what a core did whatever else
  // ran beside it. The main thread's own CPU time is the detection loop's; the whole process's
  // adds V8's garbage-collector threads, which work on other cores beside it.
  const cpu0 = process.cpuUsage();
  const thread0 = mainThreadCpuSeconds();
  const t0 = process.hrtime.bigint();
  for (const s of samples) classifyField(s.location, 'text', s.sample, ctx, classify);
  const seconds = Number(process.hrtime.bigint() - t0) / 1e9;
  const thread1 = mainThreadCpuSeconds();
  const cpu = process.cpuUsage(cpu0);
  const cpuSeconds = (cpu.user + cpu.system) / 1e6;
  const threadSeconds = thread0 !== undefined && thread1 !== undefined ? thread1 - thread0 : cpuSeconds;
  const values = options.fields * options.valuesPerField;
  return {
    values,
    seconds,
    cpuSeconds,
    threadSeconds,
    valuesPerSecond: values / seconds,
    valuesPerCpuSecond: values / cpuSeconds,
    valuesPerThreadSecond: values / threadSeconds,
  };
}
