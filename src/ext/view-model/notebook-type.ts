/**
 * The lab notebook's type and its cells' language, as package.json names them. Here, at the bottom of the editor
 * layer, so that what only needs to recognise a lab notebook (the background tracker of the services) does not
 * import the serializer.
 */
export const NOTEBOOK_TYPE = 'netns-lab';
export const CELL_LANGUAGE = 'shellscript';
