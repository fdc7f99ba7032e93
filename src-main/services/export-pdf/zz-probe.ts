import { parentPort } from 'node:worker_threads';
import { formatWanYuan } from '../../../shared/money';
parentPort?.postMessage(formatWanYuan(123456789));
