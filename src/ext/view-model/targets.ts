/** Target ids, shared by code with and without the editor (this module imports nothing). */

/** The id of this machine (under Remote-SSH, the machine the extension runs on). */
export const LOCAL_TARGET_ID = 'local';
