import * as React from "react";
import { Button, ButtonProps, makeStyles, mergeClasses, tokens } from "@fluentui/react-components";

/** The file types the pane reads: CRM exports as CSV (or Excel's Unicode Text), and workbooks. */
const FILE_TYPES = ".csv,.txt,.xlsx,text/csv";

/**
 * A button that opens the file picker (a hidden file input, the one way a page may open it) and hands over the
 * files picked. Picking the same file again hands it over again. `inputLabel` names the input for assistive
 * technology and tests that set its files.
 */
export function FileButton({
  label,
  inputLabel,
  multiple = false,
  appearance,
  disabled,
  onFiles,
}: {
  readonly label: string;
  readonly inputLabel: string;
  readonly multiple?: boolean;
  readonly appearance?: ButtonProps["appearance"];
  readonly disabled: boolean;
  readonly onFiles: (files: readonly File[]) => void;
}) {
  const input = React.useRef<HTMLInputElement>(null);
  return (
    <>
      <Button appearance={appearance} disabled={disabled} onClick={() => input.current?.click()}>
        {label}
      </Button>
      <input
        ref={input}
        type="file"
        accept={FILE_TYPES}
        multiple={multiple}
        aria-label={inputLabel}
        hidden
        onChange={(event) => {
          const files = [...(event.currentTarget.files ?? [])];
          event.currentTarget.value = "";
          if (files.length > 0) onFiles(files);
        }}
      />
    </>
  );
}

const useStyles = makeStyles({
  zone: {
    display: "flex",
    flexDirection: "column",
    alignItems: "flex-start",
    gap: tokens.spacingVerticalM,
    alignSelf: "stretch",
    borderRadius: tokens.borderRadiusMedium,
    border: `${tokens.strokeWidthThin} dashed transparent`,
  },
  over: {
    border: `${tokens.strokeWidthThick} dashed ${tokens.colorBrandStroke1}`,
    backgroundColor: tokens.colorBrandBackground2,
  },
});

/** Where a file can also be dropped (the button beside it is the keyboard's way). */
export function FileDropZone({
  disabled,
  onFiles,
  children,
}: {
  readonly disabled: boolean;
  readonly onFiles: (files: readonly File[]) => void;
  readonly children: React.ReactNode;
}) {
  const styles = useStyles();
  const [over, setOver] = React.useState(false);
  return (
    <div
      className={mergeClasses(styles.zone, over && styles.over)}
      onDragOver={(event) => {
        if (disabled || !event.dataTransfer.types.includes("Files")) return;
        event.preventDefault();
        setOver(true);
      }}
      onDragLeave={() => setOver(false)}
      onDrop={(event) => {
        event.preventDefault();
        setOver(false);
        const files = [...event.dataTransfer.files];
        if (!disabled && files.length > 0) onFiles(files);
      }}
    >
      {children}
    </div>
  );
}
