/**
 * Connects a ReportFlow to an element: the element re-renders on every change of the flow it is given, from
 * connection to disconnection (every subscribe has its unsubscribe), and follows a new flow when it gets one.
 */
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { ReportFlow } from '../report/flow';

export class FlowController implements ReactiveController {
  private watched: ReportFlow | undefined;
  private unsubscribe: (() => void) | undefined;

  constructor(private readonly host: ReactiveControllerHost & { flow: ReportFlow | undefined }) {
    host.addController(this);
  }

  hostConnected(): void {
    this.follow();
  }

  /** Before each render: a new flow property means a new subscription. */
  hostUpdate(): void {
    if (this.host.flow !== this.watched) this.follow();
  }

  hostDisconnected(): void {
    this.unsubscribe?.();
    this.unsubscribe = this.watched = undefined;
  }

  private follow(): void {
    this.unsubscribe?.();
    this.watched = this.host.flow;
    this.unsubscribe = this.watched?.subscribe(() => this.host.requestUpdate());
  }
}
