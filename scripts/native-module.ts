/**
 * What a compiled Node module was built for, read from its bytes, and the packaging check on
 * better-sqlite3 that follows from it. The trap it catches (tech-notes §2.2): a rebuild with
 * npm_config_nodedir=/usr reports success but compiles against the machine's Node headers, and
 * a rebuild for another arch without a cross compiler compiles for the host's; either file is
 * packed without complaint and only fails when the installed app opens its first workbook.
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';

export interface NativeModuleTarget {
  readonly platform: 'linux' | 'win32';
  /** Node's names: x64, arm64, ia32, arm, loong64. */
  readonly arch: string;
  /** NODE_MODULE_VERSION from the exported node_register_module_v<N>; null for a Node-API module. */
  readonly moduleVersion: number | null;
}

const ELF_MACHINES: Readonly<Record<number, string>> = {
  0x03: 'ia32',
  0x28: 'arm',
  0x3e: 'x64',
  0xb7: 'arm64',
  0x102: 'loong64',
};
const PE_MACHINES: Readonly<Record<number, string>> = { 0x14c: 'ia32', 0x8664: 'x64', 0xaa64: 'arm64' };

function machineName(machines: Readonly<Record<number, string>>, machine: number): string {
  return machines[machine] ?? `machine 0x${machine.toString(16)}`;
}

/** Reads an ELF (Linux) or PE (Windows) shared library; anything else is refused. */
export function readNativeModuleTarget(bytes: Buffer): NativeModuleTarget {
  const registration = /node_register_module_v(\d+)\0/.exec(bytes.toString('latin1'));
  const moduleVersion = registration === null ? null : Number(registration[1]);
  if (bytes.length > 20 && bytes.readUInt32BE(0) === 0x7f454c46) {
    // e_machine, in the byte order EI_DATA names (1: little-endian).
    const machine = bytes[5] === 1 ? bytes.readUInt16LE(18) : bytes.readUInt16BE(18);
    return { platform: 'linux', arch: machineName(ELF_MACHINES, machine), moduleVersion };
  }
  if (bytes.length > 0x40 && bytes.toString('latin1', 0, 2) === 'MZ') {
    const peHeader = bytes.readUInt32LE(0x3c);
    if (bytes.toString('latin1', peHeader, peHeader + 4) === 'PE\0\0') {
      const machine = bytes.readUInt16LE(peHeader + 4);
      return { platform: 'win32', arch: machineName(PE_MACHINES, machine), moduleVersion };
    }
  }
  throw new Error('not an ELF or PE shared library');
}

/**
 * NODE_MODULE_VERSION of the Electron being packed, from the abi_version file its npm package
 * ships (the value Electron's own headers compile into a module), so no ABI table can lag.
 */
export function electronModuleVersion(electronVersion: string): number {
  const manifest = createRequire(import.meta.url).resolve('electron/package.json');
  const installed = (JSON.parse(fs.readFileSync(manifest, 'utf8')) as { version: string }).version;
  if (installed !== electronVersion) {
    throw new Error(`packing Electron ${electronVersion}, but node_modules holds Electron ${installed}`);
  }
  return Number(fs.readFileSync(path.join(path.dirname(manifest), 'abi_version'), 'utf8').trim());
}

/** Where bindings (better-sqlite3's loader) finds the module, relative to resources/. */
export const PACKED_SQLITE_MODULE = path.join(
  'app.asar.unpacked',
  'node_modules',
  'better-sqlite3',
  'build',
  'Release',
  'better_sqlite3.node',
);

export interface PackedApp {
  /** electron-builder's resources folder of one packed platform and arch. */
  readonly resourcesDir: string;
  readonly platform: string;
  readonly arch: string;
  readonly electronVersion: string;
}

/** Throws, saying what is wrong and the likely cause, unless the packed module fits the app. */
export function checkPackedSqliteModule(app: PackedApp): NativeModuleTarget {
  const file = path.join(app.resourcesDir, PACKED_SQLITE_MODULE);
  if (!fs.existsSync(file)) {
    throw new Error(
      `${file} is missing: better-sqlite3's module must be unpacked from app.asar (asarUnpack)`,
    );
  }
  const found = readNativeModuleTarget(fs.readFileSync(file));
  const expectedVersion = electronModuleVersion(app.electronVersion);
  const problems: string[] = [];
  if (found.platform !== app.platform || found.arch !== app.arch) {
    problems.push(
      `it is built for ${found.platform}-${found.arch}, the package is ${app.platform}-${app.arch}` +
        ' (a rebuild for another arch needs a cross compiler or an Electron prebuild; see README "Packaging")',
    );
  }
  if (found.moduleVersion !== null && found.moduleVersion !== expectedVersion) {
    const cause =
      found.moduleVersion === Number(process.versions.modules)
        ? `, this Node's: it was built against Node's headers (npm_config_nodedir set?)`
        : '';
    problems.push(
      `its NODE_MODULE_VERSION is ${found.moduleVersion}${cause}; Electron ${app.electronVersion} loads ${expectedVersion}`,
    );
  }
  if (problems.length > 0) throw new Error(`${file}: ${problems.join('; ')}`);
  return found;
}
