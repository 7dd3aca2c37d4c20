/** Help sidebar script: the Close button closes the sidebar. */

import { hostClose } from "../shared/host";

document.getElementById("close")?.addEventListener("click", hostClose);
