/**
 * A dedicated module worker for one road import: the dialog starts it for a file and terminates
 * it when the dialog closes or another file is chosen, which cancels a reading under way.
 */
import * as Comlink from 'comlink';
import { roadImportApi } from './roadImportApi.ts';

Comlink.expose(roadImportApi);
