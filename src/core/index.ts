/**
 * The core as a library for Node: hosts, reads, changes, names and parsers, with no editor dependency.
 * `import { LocalHost, readSnapshot } from 'netns-lab/core'`.
 */
export * from './model.js';
export * from './errors.js';
export * from './names.js';
export * from './display.js';
export * from './addresses.js';
export * from './quote.js';
export type { Host, RunOptions, RunResult, CommandRecord, CommandObserver } from './host/host.js';
export { runChecked } from './host/host.js';
export { RunningCommand, MAX_TIMEOUT_MS, type StartOptions, type CommandExit } from './host/running-command.js';
export { BackgroundProcesses } from './host/background.js';
export { LocalHost, type LocalHostOptions } from './host/local-host.js';
export { SshHost, type SshHostOptions } from './host/ssh-host.js';
export { parseSshTarget, isLocalTarget, LOCAL_TARGET, type SshTarget } from './host/ssh-target.js';
export { HostPool, type HostPoolSettings } from './host/host-pool.js';
export type { PrivilegeMode, PasswordPrompt } from './host/privilege.js';
export * as ip from './iproute2/commands.js';
export { parseLinks, parseRoutes, parseNeighbours, parseNetnsList } from './iproute2/parse.js';
export { ParseError } from './iproute2/parse-error.js';
export { readNamespaceNames, readNamespace, readSnapshot, readNamespaceSummaries, type NamespaceSummary } from './state/read.js';
export { resolveVethPeers } from './state/peers.js';
export { watchNamespaceChanges, type Watch } from './state/watch.js';
export * from './settings.js';
export * from './changes/operations.js';
export { applySteps, type Step } from './changes/steps.js';
export { deployLab, type DeployOptions, type DeployResult } from './labs/deploy.js';
export { destroyLab, planDestroy, type DestroyPlan, type DestroyOptions } from './labs/destroy.js';
export { planDeploy, type DeployPlan, type PlanChange, type ChangeAction } from './labs/plan.js';
export { inspectLab, isInSync, describeDeployedLab, listDeployedLabs, type LabInspection, type DeployedLab } from './labs/inspect.js';
export { LabRefusedError } from './labs/lab-errors.js';
export {
  parseNotebook,
  serializeNotebook,
  readNotebookFile,
  decodeNotebookBytes,
  encodeNotebookText,
  NotebookFormatError,
  parseCellOptions,
  formatCellOptions,
  isCellLanguage,
} from './notebook/index.js';
export type { Notebook, NotebookCell, CellOrigin, CellOptions, NotebookOptions } from './notebook/index.js';
export { runNotebook, type NotebookRunOptions, type NotebookRunSummary } from './notebook/run-notebook.js';
export { runCell, cellNamespace, type CellRun } from './notebook/execute.js';
export { detectIpQuery, ipTablePayload, IP_TABLE_MIME, type IpTablePayload } from './notebook/ip-output.js';
export * from './topology/model.js';
export { parseTopology, type TopologyParseResult } from './topology/parse.js';
export { loadTopologyFile } from './topology/load.js';
export { formatDiagnostics } from './topology/diagnostics.js';
export { startCapture, type Capture, type CaptureOptions, type CapturedPacket, type CaptureEnd } from './capture/capture.js';
export { parseCaptureEndpoint, endpointLabel, type CaptureEndpoint } from './capture/endpoints.js';
export { summarizePacket, dissectPacket, LINK_TYPE, type PacketSummary, type PacketDissection } from './capture/dissect.js';
export type { PacketLayer, PacketField } from './capture/field-tree.js';
export { hexDump } from './capture/hex-dump.js';
export { PcapStreamReader, PcapFormatError, parsePcapHeader, type PcapHeader, type PcapRecord } from './capture/pcap-reader.js';
export { TcpdumpMissingError, CaptureError } from './capture/tcpdump.js';
export * from './checks/model.js';
export { runChecks, type CheckRunOptions } from './checks/run.js';
export { parseCheckBlock, type CheckBlockParse } from './checks/parse-block.js';
export { recordState, recordedCheckYaml } from './checks/record.js';
export { checkResultLine, checkSummaryLine } from './checks/report.js';
export { diffStates, stateDiffLines, DIFF_MIME, type StateDiff, type StateChange, type DiffAction, type DiffObject } from './state/diff.js';
export { isCheckCell, runCheckCell, parseNotebookChecks, type CheckCellRun, type NotebookChecks } from './notebook/check-cell.js';
export type { NetworkGraph, GraphNamespace, GraphInterface, GraphLink, GraphLinkKind, GraphDrift, GraphExternal, InterfaceState } from './graph/model.js';
export { graphFromSnapshot, type SnapshotGraphOptions } from './graph/from-snapshot.js';
export { graphFromTopology } from './graph/from-topology.js';
export { readGraph } from './graph/read.js';
export { toMermaid } from './graph/mermaid.js';
export { toDot } from './graph/dot.js';
export { layoutGraph } from './graph/layout.js';
export type { GraphLayout, LaidBox, LaidNode, LaidLink, LaidText } from './graph/layout-model.js';
export { toSvg } from './graph/svg.js';
