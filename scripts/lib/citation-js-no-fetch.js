// Replaces citation-js's fetchFile (node-fetch and sync-fetch) in our bundles: the extension formats the
// dictionary's own references and never lets a library fetch anything (see SECURITY.md, "Privacy").
const refuse = () => {
  throw new Error('Netgov Lens: citation-js may not fetch');
};
export const fetchFile = refuse;
export const fetchFileAsync = async () => refuse();
export const setUserAgent = () => undefined;
export default refuse;
