/** The vnu-jar package exports the absolute path of the W3C Nu HTML checker's vnu.jar. */
declare module "vnu-jar" {
  const jarPath: string;
  export default jarPath;
}
