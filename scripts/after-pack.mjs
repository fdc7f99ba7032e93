// electron-builder's afterPack hook (electron-builder.yml): after each platform and arch is
// packed, and before any installer is made of it, refuse a better-sqlite3 module that was not
// built for that platform, arch and Electron (scripts/native-module.ts says why it happens).
import electronBuilder from 'electron-builder';

let loadedCheck;

/** The check is TypeScript, run through tsx as the command line is (bin/disclosure.mjs). */
function loadCheck() {
  loadedCheck ??= import('tsx/esm/api').then(({ register }) => {
    register();
    return import('./native-module.ts');
  });
  return loadedCheck;
}

/** @param {import('electron-builder').AfterPackContext} context */
export default async function afterPack(context) {
  const { checkPackedSqliteModule } = await loadCheck();
  const target = `${context.electronPlatformName}-${electronBuilder.Arch[context.arch]}`;
  const found = checkPackedSqliteModule({
    resourcesDir: context.packager.getResourcesDir(context.appOutDir),
    platform: context.electronPlatformName,
    arch: electronBuilder.Arch[context.arch],
    electronVersion: context.packager.config.electronVersion,
  });
  console.log(`  • better-sqlite3 fits ${target} (NODE_MODULE_VERSION ${found.moduleVersion ?? 'Node-API'})`);
}
