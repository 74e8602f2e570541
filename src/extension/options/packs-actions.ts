// The stories section's actions on the extension's own storage: the bundled packs, and the
// reader's installed ones in the browser's local storage (src/extension/packs/stored-packs.ts).
import { bundledPacks } from '../packs/bundled-packs';
import {
  installStoredPack,
  previewPackFile,
  readPackStore,
  readSubscriptions,
  removeStoredPack,
  setStoredPackEnabled,
  watchPacksAndLists,
} from '../packs/stored-packs';
import { readSlowPacks, watchSlowPacks } from '../packs/slow-packs';
import type { PackActions } from './packs-section';

export function storedPackActions(): PackActions {
  const bundled = bundledPacks();
  return {
    bundled,
    read: readPackStore,
    preview: (text) => previewPackFile(text, bundled),
    install: (text) => installStoredPack(text, bundled),
    remove: removeStoredPack,
    setEnabled: setStoredPackEnabled,
    lists: readSubscriptions,
    slow: readSlowPacks,
    watch: (onChange) => {
      const stopPacks = watchPacksAndLists(onChange);
      const stopSlow = watchSlowPacks(onChange);
      return () => {
        stopPacks();
        stopSlow();
      };
    },
  };
}
