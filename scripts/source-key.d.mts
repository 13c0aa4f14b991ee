/** sha256 (hex) over the paths, sizes and bytes of the files the build's key covers, under `root`. */
export function sourceKey(root: string): string
