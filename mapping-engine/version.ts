/** Version of the mapping engine and of the project file format it writes. */
export const ENGINE_VERSION = '0.1.0';
